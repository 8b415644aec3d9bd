// SPDX-License-Identifier: Apache-2.0
#include "insightd/delivery/endpoint.hpp"

namespace insightd::delivery {

awaitable<void> disable_endpoint(queue::Outbox& outbox, std::string url) {
  // The URL first: after a crash in between, deliveries are not held yet and
  // the next 410 holds them. The reason leaves the URL out (it may carry a token).
  co_await outbox.set_setting(std::string(kDisabledUrlSetting), std::move(url));
  co_await outbox.hold_deliveries("CRM endpoint answered 410 Gone");
}

awaitable<bool> release_if_endpoint_changed(queue::Outbox& outbox, std::string configured_url) {
  auto disabled = co_await outbox.setting(std::string(kDisabledUrlSetting));
  if (!disabled || disabled->empty() || *disabled == configured_url) co_return false;
  co_await outbox.release_held();
  co_await outbox.set_setting(std::string(kDisabledUrlSetting), "");
  co_return true;
}

awaitable<void> reenable_endpoint(queue::Outbox& outbox) {
  co_await outbox.release_held();
  co_await outbox.set_setting(std::string(kDisabledUrlSetting), "");
}

awaitable<std::optional<std::string>> resume_held_deliveries(queue::Outbox& outbox) {
  auto reason = co_await outbox.held_reason();
  if (reason) co_await reenable_endpoint(outbox);
  co_return reason;
}

}  // namespace insightd::delivery
