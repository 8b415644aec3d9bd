// SPDX-License-Identifier: Apache-2.0
// POST /oauth/token: the Genesys client-credentials grant.
#include <boost/algorithm/string/predicate.hpp>
#include <boost/json/object.hpp>
#include <boost/url/decode_view.hpp>
#include <boost/url/parse_query.hpp>
#include <optional>

#include "insightd/common/crypto.hpp"
#include "sim_state.hpp"

namespace insightd::sim {
namespace {

struct BasicCredentials {
  std::string id;
  std::string secret;
};

std::optional<BasicCredentials> parse_basic(std::string_view header) {
  constexpr std::string_view kScheme = "Basic ";
  if (!boost::algorithm::istarts_with(header, kScheme)) return std::nullopt;
  auto decoded = crypto::base64_decode(header.substr(kScheme.size()));
  if (!decoded) return std::nullopt;
  auto colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  return BasicCredentials{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

Reply oauth_error(unsigned status, std::string_view error, std::string_view description) {
  return {"oauth_token",
          json_response(status, boost::json::object{{"error", error}, {"description", description}})};
}

std::string grant_type_of(std::string_view form_body) {
  auto params = boost::urls::parse_query(form_body);
  if (!params) return {};
  for (const auto& p : *params) {
    if (p.key == "grant_type") {
      const boost::urls::decode_view value = *p.value;
      return std::string(value.begin(), value.end());
    }
  }
  return {};
}

}  // namespace

Reply oauth_token(SimState& state, const http::ServerRequest& request) {
  ++state.stats.token_requests;
  if (request.method != "POST") return oauth_error(405, "invalid_request", "use POST");
  if (state.now_ms() < state.options.token_outage.count() ||
      state.runtime_faults.token_down(state.clock.steady()))
    return oauth_error(503, "temporarily_unavailable", "the login service is unavailable, try again later");

  auto credentials = parse_basic(request.headers.get("Authorization"));
  if (!credentials)
    return oauth_error(401, "invalid_client", "client credentials missing: send Authorization: Basic");
  // Genesys answers 400 invalid_client for an unknown client or a wrong secret (often the wrong region).
  const bool id_ok = crypto::constant_time_equal(credentials->id, state.options.client_id);
  const bool secret_ok = crypto::constant_time_equal(credentials->secret, state.options.client_secret);
  if (!id_ok || !secret_ok) return oauth_error(400, "invalid_client", "client not found or secret mismatch");

  const std::string grant = grant_type_of(request.body);
  if (grant != "client_credentials")
    return oauth_error(400, "unsupported_grant_type", "grant_type must be client_credentials");

  std::string token = state.tokens.issue(state.clock.steady(), state.options.token_ttl);
  ++state.stats.tokens_issued;
  return {"oauth_token",
          json_response(200, boost::json::object{{"access_token", token},
                                                 {"token_type", "bearer"},
                                                 {"expires_in", state.options.token_ttl.count()}})};
}

}  // namespace insightd::sim
