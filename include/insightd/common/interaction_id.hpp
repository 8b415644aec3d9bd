// SPDX-License-Identifier: Apache-2.0
#pragma once
// What an interaction (conversation) ID may look like, the one rule for every
// entry point (CLI enqueue and fetch, admin API, console): non-empty, at most
// 128 printable ASCII characters, no whitespace.
#include <cstddef>
#include <string>
#include <string_view>

#include "insightd/common/result_with_message.hpp"

namespace insightd {

inline constexpr std::size_t kMaxInteractionIdLength = 128;

// Success if id is acceptable; otherwise errc::invalid_argument with the
// reason (which never repeats the ID itself: it may be anything the user
// typed), e.g. "interaction ID contains whitespace at character 4" (counted from 1).
result_with_message<void> valid_interaction_id(std::string_view id);

}  // namespace insightd
