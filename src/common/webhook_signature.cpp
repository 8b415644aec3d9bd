// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/webhook_signature.hpp"

#include <string>

#include "insightd/common/crypto.hpp"

namespace insightd {

std::optional<std::string> webhook_key_from_secret(std::string_view secret) {
  constexpr std::string_view kPrefix = "whsec_";
  if (secret.substr(0, kPrefix.size()) == kPrefix)
    return crypto::base64_decode(secret.substr(kPrefix.size()));
  return std::string(secret);
}

std::string sign_webhook(std::string_view key, std::string_view id, std::int64_t timestamp,
                         std::string_view body) {
  const std::string ts = std::to_string(timestamp);
  // "id.timestamp.body" without copying the body (tens of KB) into one string first.
  return "v1," + crypto::base64_encode(crypto::hmac_sha256(key, {id, ".", ts, ".", body}));
}

bool verify_webhook(std::string_view key, std::string_view id, std::int64_t timestamp, std::string_view body,
                    std::string_view signature_header) {
  const std::string expected = sign_webhook(key, id, timestamp, body);
  while (!signature_header.empty()) {
    auto space = signature_header.find(' ');
    auto entry = signature_header.substr(0, space);
    if (crypto::constant_time_equal(entry, expected)) return true;
    if (space == std::string_view::npos) break;
    signature_header.remove_prefix(space + 1);
  }
  return false;
}

}  // namespace insightd
