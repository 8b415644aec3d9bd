// POST /crm/ingest: a CRM webhook receiver that checks Standard Webhooks
// signatures and records every receipt, with configurable failures.
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <charconv>
#include <cstdlib>

#include "insightd/common/webhook_signature.hpp"
#include "insightd/sim/faults.hpp"
#include "sim_state.hpp"

namespace insightd::sim {
namespace {

constexpr std::string_view endpoint = "crm_ingest";

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

// interactionId, part and parts from the delivered body, when it is the JSON we expect.
void read_body_fields(CrmReceipt& receipt) {
  boost::system::error_code ec;
  auto doc = boost::json::parse(receipt.body, ec,  // one arena, not one malloc per node
                                boost::json::make_shared_resource<boost::json::monotonic_resource>());
  if (ec || !doc.is_object()) return;
  const auto& o = doc.get_object();
  if (auto* id = o.if_contains("interactionId"); id && id->is_string())
    receipt.interaction_id = id->get_string();
  if (auto* part = o.if_contains("part"); part && part->is_int64()) receipt.part = part->get_int64();
  if (auto* parts = o.if_contains("parts"); parts && parts->is_int64()) receipt.parts = parts->get_int64();
}

Reply answer(unsigned status, std::string_view message) {
  return {std::string(endpoint),
          json_response(status, boost::json::object{{"status", status}, {"message", message}})};
}

Reply decide(const SimState& state, const CrmReceipt& r) {
  const auto& o = state.options;
  if (o.crm_gone) return answer(410, "this webhook endpoint has been disabled");
  if (o.crm_status != 0) return answer(o.crm_status, "fixed answer (--crm-status)");
  if (!r.signature_ok) return answer(401, "webhook signature verification failed");
  if (!r.timestamp_ok) return answer(401, "webhook-timestamp is missing or more than 5 minutes off");
  if (r.attempt <= static_cast<int>(o.crm_fail_first))
    return answer(503, "failing the first attempts (--crm-fail-first)");
  if (faults_for(r.interaction_id).crm_reject) return answer(422, "rejected by the `crmreject` fault");
  return answer(200, "received");
}

}  // namespace

Reply crm_ingest(SimState& state, const http::ServerRequest& request) {
  if (request.method != "POST") return answer(405, "use POST");

  CrmReceipt r;
  r.at_ms = state.now_ms();
  r.webhook_id = request.headers.get("webhook-id");
  r.idempotency_key = request.headers.get("Idempotency-Key");
  r.body = request.body;
  read_body_fields(r);

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

  Reply reply = decide(state, r);
  reply.delay = state.options.crm_latency;
  r.status = reply.response.status;

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
