// SPDX-License-Identifier: Apache-2.0
// `insightd fetch [-c FILE] ID`: one interaction, retrieved, validated and
// governed, printed as normalised JSON on stdout; nothing is delivered.
#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>

#include "config_or_exit.hpp"
#include "genesys_stack.hpp"
#include "insightd/app/commands.hpp"
#include "insightd/genesys/fetcher.hpp"
#include "insightd/genesys/rate_limiter.hpp"
#include "insightd/governance/governance.hpp"
#include "insightd/observability/logging.hpp"
#include "insightd/queue/interaction_id.hpp"

namespace insightd::app {
namespace {

boost::json::object fetch_report(const Config& config, const std::string& id, genesys::FetchResult& fetched,
                                 const governance::GovernanceResult* governed) {
  boost::json::object out;
  out["interactionId"] = id;
  out["source"] = to_string(config.genesys.source);
  out["outcome"] = genesys::to_string(fetched.outcome);
  out["pages"] = fetched.pages;
  out["malformed_skipped"] = fetched.malformed_skipped;
  out["latency_ms"] = fetched.latency_ms;
  out["utilization_rate"] = fetched.utilization_rate;
  out["retries"] = fetched.retries;
  out["rate_limited_ms"] = fetched.rate_limited_ms;
  out["correlation_id"] = fetched.correlation_id;
  if (!fetched.error.empty()) out["error"] = fetched.error;
  if (governed) out["governance"] = governed->to_json();
  boost::json::array insights;
  for (const auto& insight : fetched.insights) insights.push_back(to_json(insight));
  out["count"] = insights.size();
  out["insights"] = std::move(insights);
  return out;
}

struct FetchCommand {
  const Config& config;
  std::string id;
  int exit_code = 1;

  boost::asio::awaitable<void> run() {
    auto executor = co_await boost::asio::this_coro::executor;
    // Its own token bucket even with the redis backend: a one-off command must
    // not wait on Redis, nor keep the process alive with a Redis connection.
    auto budget = std::make_unique<genesys::RateLimiter>(executor, config.genesys.requests_per_minute,
                                                         config.genesys.burst);
    auto stack = make_genesys_stack(executor, config, std::move(budget), nullptr);
    auto fetched = co_await stack.fetcher->fetch(id);
    if (fetched.outcome != genesys::FetchResult::Outcome::ok) {
      std::printf("%s\n", boost::json::serialize(fetch_report(config, id, fetched, nullptr)).c_str());
      std::fprintf(stderr, "fetch %s: %s\n", id.c_str(), fetched.error.c_str());
      co_return;
    }
    const governance::PiiScanner scanner(governance::pii_options(config.governance));
    auto governed =
        governance::govern(fetched.insights, config.governance, std::chrono::system_clock::now(), scanner);
    std::printf("%s\n", boost::json::serialize(fetch_report(config, id, fetched, &governed)).c_str());
    exit_code = governed.pass ? 0 : 1;
  }
};

}  // namespace

int cmd_fetch(const std::string& config_path, const std::string& interaction_id) {
  if (auto valid = valid_interaction_id(interaction_id); !valid) {
    std::fprintf(stderr, "fetch: invalid interaction ID: %s\n", valid.error().message.c_str());
    return 2;
  }
  auto config = load_config_for_command(config_path);
  if (!config) return 2;
  observability::setup_logging(config->log.level, false);  // stderr: stdout carries the JSON
  FetchCommand command{*config, interaction_id};
  boost::asio::io_context io(1);
  boost::asio::co_spawn(io, command.run(), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  try {
    io.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fetch: %s\n", e.what());
    return 1;
  }
  return command.exit_code;
}

}  // namespace insightd::app
