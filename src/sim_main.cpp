// SPDX-License-Identifier: Apache-2.0
// insightd-sim: Genesys Cloud login + every supported insight source + a CRM
// webhook receiver on one loopback listener, with fault injection chosen per
// interaction ID (see include/insightd/sim/faults.hpp and --help).
#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "insightd/sim/simulator.hpp"

namespace {

constexpr const char* kFaultHelp = R"(
Fault injection: include a marker in the interaction ID (several may be combined, e.g. ia-7-flaky-pii-n120):
  notfound     404 not.found                 forbidden    403 missing.permissions
  flaky        503 for the first 2 requests  slow         extra latency for that ID
  outage       503 for the first 6 requests  alldown      503 to every request
  malformed    entities without id, with a bad date or an unknown type
  pii          entities marked redacted:true whose text holds an email, phone, card, SSN, IBAN,
               date of birth, routing number and IP address
  stale        createdDate days in the past  future       createdDate days in the future
  tokenexpiry  the bearer token is revoked after page 1 (the client must refresh mid-pagination)
  notready     copilot/sta summaries are Pending on the first request
  ratelimit    one 429 with Retry-After = --retry-after
  longlimit    429 with Retry-After 3600 every time
  crmreject    the CRM receiver answers 422 to every delivery of this interaction
  chattyerror  400 whose message echoes an email, a phone and a card number
  crmchatty    the CRM answers 422 with a card number as its code and an email in its message
  crmmoved     the CRM answers 301 with a Location    crmbigbody   the CRM answers 200 with a 16 MiB+ body
  -n<NUM>      exactly NUM insights before filtering (otherwise 5..40)
Introspection: GET /sim/stats, GET /sim/crm/deliveries, POST /sim/reset.
Runtime faults (loopback clients only), each for `for_ms` from now: POST /sim/faults with a JSON object of
  {"token_down":{"for_ms":N,"revoke_tokens":true}, "api_errors":{"for_ms":N,"share":0.3},
   "api_429":{"for_ms":N,"retry_after_s":60}, "crm_down":{"for_ms":N}, "crm_hang":{"for_ms":N}, "normal":true};
  GET /sim/faults lists the active ones.
The platform (the intake's side): with --queues and --conversations-per-minute, conversations start one per
tick and each goes connected -> customer ended (agent in wrap-up) -> wrap-up done over the next ticks; their
events reach the notifications WebSocket (its own port, ws:// or wss:// with --tls-cert; the channel's
connectUri names it), the analytics query and the assistants endpoints see the same conversations.
Notifications faults: --drop-events P, and at any time POST /sim/notifications/closing (socket_closing, then
close), /cut (TCP dropped), /stall (heartbeats stop), /resume.
)";

// Written to a temporary name first, so a script polling the file never reads a partial port.
void write_port_file(const std::string& path, std::uint16_t port) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << port << '\n';
    if (!out) throw std::runtime_error("cannot write --port-file " + tmp);
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace

int main(int argc, char** argv) {
  insightd::sim::SimOptions o;
  std::string port_file;
  unsigned token_ttl_s = static_cast<unsigned>(o.token_ttl.count());
  unsigned latency_ms = 0, crm_latency_ms = 0, token_outage_ms = 0;
  unsigned retry_after_s = static_cast<unsigned>(o.retry_after.count());

  CLI::App cli{"insightd-sim: a Genesys Cloud and CRM simulator for demos, tests and benchmarks"};
  cli.footer(kFaultHelp);
  cli.add_option("--host", o.host, "address to listen on (loopback only)")->capture_default_str();
  cli.add_option("--port", o.port, "port; 0 = any free port")->capture_default_str();
  cli.add_option("--port-file", port_file, "write the bound port to this file once listening");
  auto* cert = cli.add_option("--tls-cert", o.tls_cert_file, "PEM certificate chain: serve HTTPS");
  auto* key = cli.add_option("--tls-key", o.tls_key_file, "PEM private key");
  cert->needs(key);
  key->needs(cert);
  cli.add_option("--client-id", o.client_id, "OAuth client id accepted by /oauth/token")
      ->capture_default_str();
  // Secrets are better given by environment than on a command line (visible in ps).
  cli.add_option("--client-secret", o.client_secret, "OAuth client secret accepted by /oauth/token")
      ->envname("INSIGHTD_SIM_CLIENT_SECRET");
  cli.add_option("--token-ttl", token_ttl_s, "token lifetime in seconds (expires_in)")->capture_default_str();
  cli.add_option("--rate-limit", o.rate_limit_rpm,
                 "server-side limit over all API requests, per minute; 0 = off")
      ->capture_default_str();
  cli.add_option("--burst", o.burst, "token bucket size of --rate-limit")->capture_default_str();
  cli.add_option("--token-outage", token_outage_ms,
                 "the login endpoint answers 503 for this long after start, ms")
      ->capture_default_str();
  cli.add_option("--latency", latency_ms, "extra latency of every API response, ms")->capture_default_str();
  cli.add_option("--retry-after", retry_after_s, "Retry-After seconds of the `ratelimit` fault")
      ->capture_default_str();
  cli.add_option("--crm-secret", o.crm_secret, "Standard Webhooks secret the CRM receiver verifies")
      ->envname("INSIGHTD_SIM_CRM_SECRET");
  cli.add_option("--crm-fail-first", o.crm_fail_first,
                 "answer 503 to the first N attempts of every webhook-id")
      ->capture_default_str();
  cli.add_flag("--crm-gone", o.crm_gone, "answer 410 Gone to every delivery");
  cli.add_option("--crm-latency", crm_latency_ms, "extra latency of every CRM answer, ms")
      ->capture_default_str();
  bool crm_discard_bodies = false;
  cli.add_flag("--crm-discard-bodies", crm_discard_bodies,
               "record receipts without their bodies (GET /sim/crm/deliveries shows empty bodies)");
  cli.add_option("--crm-status", o.crm_status, "answer every delivery with this HTTP status")
      ->check(CLI::Range(100u, 599u));
  cli.add_option("--queues", o.queues, "queue IDs the simulated conversations run on (a,b,c)")
      ->delimiter(',');
  cli.add_option("--conversations-per-minute", o.conversations_per_minute,
                 "conversations started per minute (one tick each); 0 = none")
      ->check(CLI::NonNegativeNumber);
  cli.add_option("--conversations-total", o.conversations_total,
                 "start no more than this many; 0 = no limit");
  cli.add_option("--drop-events", o.drop_events,
                 "share of conversation events not sent on the WebSocket (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  unsigned heartbeat_ms = static_cast<unsigned>(o.heartbeat_interval.count());
  cli.add_option("--heartbeat-interval-ms", heartbeat_ms, "WebSocket heartbeat period, ms")
      ->capture_default_str()
      ->check(CLI::Range(1u, 3600000u));
  cli.add_option("--seed", o.seed, "varies the generated data (same seed + ID = same data)")
      ->capture_default_str();
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? 0 : 2;  // --help is 0; a usage error is 2 like insightd
  }

  o.token_ttl = std::chrono::seconds(token_ttl_s);
  o.latency = std::chrono::milliseconds(latency_ms);
  o.token_outage = std::chrono::milliseconds(token_outage_ms);
  o.crm_latency = std::chrono::milliseconds(crm_latency_ms);
  o.crm_keep_bodies = !crm_discard_bodies;
  o.retry_after = std::chrono::seconds(retry_after_s);
  o.heartbeat_interval = std::chrono::milliseconds(heartbeat_ms);

  try {
    boost::asio::io_context io(1);
    insightd::sim::Simulator sim(io.get_executor(), o);
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    // Stop listening, then leave run(): in-flight simulated latency is not worth waiting for.
    signals.async_wait([&sim, &io](const boost::system::error_code& ec, int) {
      if (ec) return;
      sim.stop();
      io.stop();
    });

    if (!port_file.empty()) write_port_file(port_file, sim.port());
    std::cout << "insightd-sim notifications on " << sim.notifications_uri() << '\n';
    std::cout << "insightd-sim listening on " << sim.base_url()
              << std::endl;  // endl: scripts wait on this line

    io.run();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "insightd-sim: " << e.what() << '\n';
    return 1;
  }
}
