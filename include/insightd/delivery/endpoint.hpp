// SPDX-License-Identifier: Apache-2.0
#pragma once
// The CRM endpoint's disabled state (after a 410). The outbox holds every
// delivery and remembers which URL answered 410 under the setting
// `crm_disabled_url`; deliveries resume when the configured URL changes
// (checked at start-up and on config reload) or when an operator re-enables.
#include <optional>
#include <string>
#include <string_view>

#include "insightd/queue/backend.hpp"

namespace insightd::delivery {

using queue::awaitable;

inline constexpr std::string_view kDisabledUrlSetting = "crm_disabled_url";

// Records `url` as disabled and holds all deliveries.
awaitable<void> disable_endpoint(queue::Outbox& outbox, std::string url);

// If the endpoint was disabled for a URL other than `configured_url`, releases
// the held deliveries and clears the record. Returns true when it released.
awaitable<bool> release_if_endpoint_changed(queue::Outbox& outbox, std::string configured_url);

// Operator action: release held deliveries and clear the record unconditionally.
awaitable<void> reenable_endpoint(queue::Outbox& outbox);

// Operator action (`insightd resume-deliveries`, the console): re-enables the
// endpoint if deliveries are held. Returns why they were held; nullopt when
// they were not (nothing is changed then).
awaitable<std::optional<std::string>> resume_held_deliveries(queue::Outbox& outbox);

}  // namespace insightd::delivery
