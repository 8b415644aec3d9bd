// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/error.hpp"

namespace insightd {
namespace {

class Category final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "insightd"; }
  std::string message(int ev) const override {
    switch (static_cast<errc>(ev)) {
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
      case errc::invalid_url:
        return "invalid URL";
      case errc::body_too_large:
        return "body exceeds the configured limit";
      case errc::invalid_argument:
        return "invalid argument";
    }
    return "unknown insightd error";
  }
};

}  // namespace

const boost::system::error_category& insightd_category() noexcept {
  static const Category instance;
  return instance;
}

}  // namespace insightd
