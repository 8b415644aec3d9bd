// SPDX-License-Identifier: Apache-2.0
#pragma once
// Standard Webhooks signatures: "v1,<base64 HMAC-SHA256 of id.timestamp.body>".
// A secret with the `whsec_` prefix carries base64 key bytes after it;
// any other secret is used as raw key bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace insightd {

// The HMAC key bytes for a configured secret; nullopt when a whsec_ secret is not valid base64.
std::optional<std::string> webhook_key_from_secret(std::string_view secret);

// "v1,<base64>" for the given key bytes.
std::string sign_webhook(std::string_view key, std::string_view id, std::int64_t timestamp,
                         std::string_view body);

// True when any space-separated "v1,..." entry of `signature_header` matches.
bool verify_webhook(std::string_view key, std::string_view id, std::int64_t timestamp, std::string_view body,
                    std::string_view signature_header);

}  // namespace insightd
