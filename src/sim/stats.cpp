// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/stats.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

namespace insightd::sim {
namespace {

boost::json::object receipt_json(const CrmReceipt& r, bool with_body) {
  boost::json::object o;
  o["at_ms"] = r.at_ms;
  o["webhook_id"] = r.webhook_id;
  o["idempotency_key"] = r.idempotency_key;
  o["interaction_id"] = r.interaction_id;
  o["part"] = r.part;
  o["parts"] = r.parts;
  o["signature_ok"] = r.signature_ok;
  o["timestamp_ok"] = r.timestamp_ok;
  o["attempt"] = r.attempt;
  o["status"] = r.status;
  if (with_body) o["body"] = r.body;
  return o;
}

template <class Map>
boost::json::object counts_json(const Map& m) {
  boost::json::object o;
  for (const auto& [k, v] : m) o[k] = v;
  return o;
}

}  // namespace

std::uint64_t SimStats::count(const std::string& endpoint, unsigned status) const {
  auto e = requests.find(endpoint);
  if (e == requests.end()) return 0;
  auto s = e->second.find(status);
  return s == e->second.end() ? 0 : s->second;
}

boost::json::object to_json(const SimStats& s) {
  boost::json::object requests;
  for (const auto& [endpoint, by_status] : s.requests) {
    boost::json::object statuses;
    for (const auto& [status, n] : by_status) statuses[std::to_string(status)] = n;
    requests[endpoint] = std::move(statuses);
  }

  boost::json::array limited;
  for (const auto& e : s.rate_limited) {
    boost::json::object o{{"at_ms", e.at_ms}, {"retry_after_s", e.retry_after_s}, {"cause", e.cause}};
    o["next_api_request_ms"] = e.next_api_request_ms ? boost::json::value(*e.next_api_request_ms) : nullptr;
    limited.push_back(std::move(o));
  }

  boost::json::array receipts;
  for (const auto& r : s.crm_receipts) receipts.push_back(receipt_json(r, false));

  boost::json::object crm;
  crm["receipts"] = std::move(receipts);
  crm["receipts_per_webhook_id"] = counts_json(s.crm_receipts_per_webhook_id);
  crm["accepted_per_webhook_id"] = counts_json(s.crm_accepted_per_webhook_id);
  crm["signature_failures"] = s.crm_signature_failures;
  crm["stale_timestamps"] = s.crm_stale_timestamps;
  crm["interactions_delivered"] = boost::json::value_from(s.crm_interactions_delivered);

  boost::json::object o;
  o["epoch_unix_ms"] = s.epoch_unix_ms;
  o["requests"] = std::move(requests);
  o["token_requests"] = s.token_requests;
  o["tokens_issued"] = s.tokens_issued;
  o["api_request_ms"] = boost::json::value_from(s.api_request_ms);
  o["rate_limited"] = std::move(limited);
  o["crm"] = std::move(crm);
  o["platform"] = boost::json::object{
      {"conversations_started", s.conversations_started},
      {"conversations_finished", boost::json::value_from(s.conversations_finished)},
      {"conversation_finished_ms", counts_json(s.conversation_finished_ms)},
      {"conversations_finished_unheard", boost::json::value_from(s.conversations_finished_unheard)},
      {"events_sent", s.events_sent},
      {"events_dropped", s.events_dropped},
      {"sockets_accepted", s.sockets_accepted},
      {"sockets_cut", s.sockets_cut},
      {"socket_closing_sent", s.socket_closing_sent}};
  return o;
}

boost::json::object deliveries_json(const SimStats& s) {
  boost::json::array out;
  for (const auto& r : s.crm_receipts) out.push_back(receipt_json(r, true));
  return {{"deliveries", std::move(out)}};
}

}  // namespace insightd::sim
