// SPDX-License-Identifier: Apache-2.0
#pragma once
// UTF-8 facts about byte strings from outside (upstream responses, errors).
#include <cstddef>
#include <optional>
#include <string_view>

namespace insightd {

// The offset of the first byte that does not begin a valid UTF-8 sequence
// (overlong forms and surrogates are invalid), or nullopt when all is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept;

// The longest prefix of `text` of at most `max_bytes` that does not cut a
// multi-byte sequence in two.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) noexcept;

}  // namespace insightd
