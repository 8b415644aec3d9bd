// SPDX-License-Identifier: Apache-2.0
// POST /crm/ingest: a CRM webhook receiver that checks Standard Webhooks
// signatures and records every receipt, with configurable failures.
#include <fmt/format.h>

#include <algorithm>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/object.hpp>
#include <charconv>
#include <cstdlib>

#include "insightd/common/json_events.hpp"
#include "insightd/common/webhook_signature.hpp"
#include "insightd/sim/faults.hpp"
#include "sim_state.hpp"

namespace insightd::sim {
namespace {

constexpr std::string_view kEndpoint = "crm_ingest";

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

// Reads interactionId, part and parts from the top level of a body and skips
// the rest without building it: a 56 KB webhook as a DOM cost this receiver
// more CPU than the daemon spent sending it, on the machine they share in
// bench/load. The whole document is still checked to be JSON.
class BodyFieldsHandler : public JsonEventsIgnored {
 public:
  explicit BodyFieldsHandler(CrmReceipt& receipt) : receipt_(receipt) {}

  bool on_array_begin(boost::system::error_code&) { return enter(); }
  bool on_array_end(std::size_t, boost::system::error_code&) { return leave(); }
  bool on_object_begin(boost::system::error_code&) { return enter(); }
  bool on_object_end(std::size_t, boost::system::error_code&) { return leave(); }
  bool on_string_part(std::string_view s, std::size_t, boost::system::error_code&) { return collect(s); }
  bool on_string(std::string_view s, std::size_t, boost::system::error_code&) {
    if (at_top() && key_ == "interactionId") receipt_.interaction_id = partial_ + std::string(s);
    return value_done();
  }
  bool on_key_part(std::string_view s, std::size_t, boost::system::error_code&) {
    if (at_top()) key_.append(s);
    return true;
  }
  bool on_key(std::string_view s, std::size_t, boost::system::error_code&) {
    if (at_top()) key_.append(s);
    return true;
  }
  bool on_int64(std::int64_t v, std::string_view, boost::system::error_code&) {
    if (at_top() && key_ == "part") receipt_.part = v;
    if (at_top() && key_ == "parts") receipt_.parts = v;
    return value_done();
  }
  bool on_uint64(std::uint64_t, std::string_view, boost::system::error_code&) { return value_done(); }
  bool on_double(double, std::string_view, boost::system::error_code&) { return value_done(); }
  bool on_bool(bool, boost::system::error_code&) { return value_done(); }
  bool on_null(boost::system::error_code&) { return value_done(); }

 private:
  // Depth 1 is the top-level object: its member values are what we read.
  bool at_top() const { return depth_ == 1; }
  bool enter() {
    ++depth_;
    return true;
  }
  bool leave() {
    --depth_;
    return value_done();
  }
  bool collect(std::string_view s) {
    if (at_top() && key_ == "interactionId") partial_.append(s);
    return true;
  }
  bool value_done() {
    if (at_top()) {
      key_.clear();
      partial_.clear();
    }
    return true;
  }

  CrmReceipt& receipt_;
  int depth_ = 0;
  std::string key_, partial_;
};

// interactionId, part and parts from the delivered body, when it is the JSON we
// expect; a body that is not JSON leaves them empty.
void read_body_fields(CrmReceipt& receipt, std::string_view body) {
  CrmReceipt fields;
  boost::json::basic_parser<BodyFieldsHandler> parser(boost::json::parse_options{}, fields);
  boost::system::error_code ec;
  parser.write_some(false, body.data(), body.size(), ec);
  if (ec) return;
  receipt.interaction_id = std::move(fields.interaction_id);
  receipt.part = fields.part;
  receipt.parts = fields.parts;
}

Reply answer(unsigned status, std::string_view message) {
  return {std::string(kEndpoint),
          json_response(status, boost::json::object{{"status", status}, {"message", message}})};
}

Reply decide(const SimState& state, const CrmReceipt& r) {
  const auto& o = state.options;
  if (o.crm_gone) return answer(410, "this webhook endpoint has been disabled");
  if (state.runtime_faults.crm_down(state.clock.steady()))
    return answer(503, "the CRM is down (POST /sim/faults crm_down)");
  if (o.crm_status != 0) return answer(o.crm_status, "fixed answer (--crm-status)");
  if (!r.signature_ok) return answer(401, "webhook signature verification failed");
  if (!r.timestamp_ok) return answer(401, "webhook-timestamp is missing or more than 5 minutes off");
  if (r.attempt <= static_cast<int>(o.crm_fail_first))
    return answer(503, "failing the first attempts (--crm-fail-first)");
  const auto faults = faults_for(r.interaction_id);
  if (faults.crm_reject) return answer(422, "rejected by the `crmreject` fault");
  if (faults.crm_chatty) {
    return {std::string(kEndpoint),
            json_response(
                422, boost::json::object{{"code", kChattyCard},
                                         {"message", fmt::format("customer {} is unknown", kChattyEmail)}})};
  }
  if (faults.crm_moved) {
    Reply moved = answer(301, "moved");
    moved.response.headers.set("Location", std::string(kCrmMovedLocation));
    return moved;
  }
  if (faults.crm_big_body) {
    Reply big = answer(200, "received");
    big.response.headers.set("Content-Type", "text/plain");
    big.response.body.assign(kCrmBigBodyBytes, 'x');
    return big;
  }
  return answer(200, "received");
}

}  // namespace

Reply crm_ingest(SimState& state, const http::ServerRequest& request) {
  if (request.method != "POST") return answer(405, "use POST");

  CrmReceipt r;
  r.at_ms = state.now_ms();
  r.webhook_id = request.headers.get("webhook-id");
  r.idempotency_key = request.headers.get("Idempotency-Key");
  read_body_fields(r, request.body);

  const auto timestamp = parse_timestamp(request.headers.get("webhook-timestamp"));
  if (timestamp) {
    const auto now_s =
        std::chrono::duration_cast<std::chrono::seconds>(state.clock.wall().time_since_epoch()).count();
    r.timestamp_ok = std::abs(now_s - *timestamp) <= state.options.crm_timestamp_tolerance.count();
    r.signature_ok =
        !r.webhook_id.empty() && verify_webhook(state.crm_key, r.webhook_id, *timestamp, request.body,
                                                request.headers.get("webhook-signature"));
  }
  r.attempt = static_cast<int>(++state.stats.crm_receipts_per_webhook_id[r.webhook_id]);

  // A hanging CRM holds the answer until the hang ends; the client has given up
  // by then, so the receipt counts as not accepted (503), whatever decide() says.
  const auto hang = state.runtime_faults.crm_hang_left(state.clock.steady());
  Reply reply =
      hang.count() > 0 ? answer(503, "the CRM was hanging (POST /sim/faults crm_hang)") : decide(state, r);
  reply.delay = std::max(state.options.crm_latency, hang);
  r.status = reply.response.status;

  if (state.options.crm_keep_bodies) r.body = request.body;
  auto& s = state.stats;
  if (!r.signature_ok) ++s.crm_signature_failures;
  if (!r.timestamp_ok) ++s.crm_stale_timestamps;
  if (r.status >= 200 && r.status < 300) {
    ++s.crm_accepted_per_webhook_id[r.webhook_id];
    if (!r.interaction_id.empty()) s.crm_interactions_delivered.insert(r.interaction_id);
  }
  s.crm_receipts.push_back(std::move(r));
  return reply;
}

}  // namespace insightd::sim
