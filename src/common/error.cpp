// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/error.hpp"

namespace insightd {
namespace {

class category final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "insightd"; }
  std::string message(int ev) const override {
    switch (static_cast<errc>(ev)) {
      case errc::ok:
        return "ok";
      case errc::http_status:
        return "unexpected HTTP status";
      case errc::rate_limited:
        return "rate limited (429)";
      case errc::long_window_limit:
        return "long-window rate limit (Retry-After > 180 s)";
      case errc::unauthorized:
        return "unauthorized (401) after a token refresh";
      case errc::token_request_failed:
        return "OAuth token request failed";
      case errc::malformed_response:
        return "malformed response body";
      case errc::not_ready:
        return "upstream data not ready yet";
      case errc::permanent_failure:
        return "permanent upstream failure";
      case errc::timeout:
        return "timed out";
      case errc::tls_error:
        return "TLS error";
      case errc::invalid_url:
        return "invalid URL";
      case errc::body_too_large:
        return "body exceeds the configured limit";
      case errc::endpoint_disabled:
        return "endpoint disabled (410 Gone)";
      case errc::circuit_open:
        return "circuit breaker open";
      case errc::invalid_argument:
        return "invalid argument";
    }
    return "unknown insightd error";
  }
};

}  // namespace

const boost::system::error_category& insightd_category() noexcept {
  static const category instance;
  return instance;
}

}  // namespace insightd
