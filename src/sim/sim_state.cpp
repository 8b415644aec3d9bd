// SPDX-License-Identifier: Apache-2.0
#include "sim_state.hpp"

#include <boost/json/serialize.hpp>
#include <stdexcept>

#include "insightd/common/crypto.hpp"
#include "insightd/common/webhook_signature.hpp"

namespace insightd::sim {
namespace {

std::string crm_key_from(const std::string& secret) {
  auto key = webhook_key_from_secret(secret);
  if (!key) throw std::invalid_argument("--crm-secret: the part after whsec_ is not valid base64");
  return *key;
}

std::int64_t unix_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace

SimClock SimClock::system() {
  return {[] { return std::chrono::steady_clock::now(); }, [] { return std::chrono::system_clock::now(); }};
}

SimState::SimState(SimOptions opts, SimClock clk)
    : options(std::move(opts)),
      clock(std::move(clk)),
      crm_key(crm_key_from(options.crm_secret)),
      anchor(clock.wall()),
      bucket(options.rate_limit_rpm, options.burst, clock.steady()),
      epoch(clock.steady()) {
  stats.epoch_unix_ms = unix_ms(clock.wall());
}

std::int64_t SimState::now_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock.steady() - epoch).count();
}

void SimState::clear() {
  stats = SimStats{};
  epoch = clock.steady();
  stats.epoch_unix_ms = unix_ms(clock.wall());
  requests_per_id.clear();
  rate_limited_ids.clear();
  token_revoked_ids.clear();
  summary_requested_ids.clear();
  runtime_faults.clear();
}

http::Response json_response(unsigned status, const boost::json::value& body) {
  http::Response r;
  r.status = status;
  r.headers.set("Content-Type", "application/json");
  r.body = boost::json::serialize(body);
  return r;
}

http::Response error_response(const ApiError& error) {
  return json_response(
      error.status,
      boost::json::object{{"status", error.status}, {"code", error.code}, {"message", error.message}});
}

std::string correlation_id() {
  const std::string hex = crypto::random_hex(16);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20);
}

}  // namespace insightd::sim
