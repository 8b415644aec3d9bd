// SPDX-License-Identifier: Apache-2.0
#pragma once
// Thin wrappers over OpenSSL: HMAC-SHA256, SHA-256, SHA-1, base64, random bytes.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace insightd::crypto {

// Raw 32 bytes over the message given in parts (read in order, never copied together).
std::string hmac_sha256(std::string_view key, std::initializer_list<std::string_view> message);
std::string sha256_hex(std::string_view data);
std::string sha1_hex(std::string_view data);  // Redis names scripts by it (EVALSHA)
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);  // nullopt when invalid
std::string random_hex(std::size_t bytes);                        // from RAND_bytes

// Compares in time independent of where the inputs differ.
bool constant_time_equal(std::string_view a, std::string_view b) noexcept;

}  // namespace insightd::crypto
