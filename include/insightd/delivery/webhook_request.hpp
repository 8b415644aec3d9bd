// SPDX-License-Identifier: Apache-2.0
#pragma once
// One signed Standard Webhooks POST for an outbox message (pure):
//   Content-Type: application/json
//   webhook-id, webhook-timestamp (unix seconds), webhook-signature: v1,<base64 HMAC-SHA256
//   of "id.timestamp.body">, Idempotency-Key = webhook-id (stable across retries).
// The response body is read only up to kWebhookResponseKept bytes.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "insightd/http/message.hpp"
#include "insightd/queue/types.hpp"

namespace insightd::delivery {

// Of the CRM's answer only the status counts (and a short code for the log):
// the body is read up to this many bytes, whatever its size.
inline constexpr std::size_t kWebhookResponseKept = 4096;

// `key` is the HMAC key bytes (webhook_key_from_secret of crm.signing_secret).
http::Request make_webhook_request(const queue::OutboxMessage& message, std::string_view url,
                                   std::string_view key, std::int64_t unix_seconds,
                                   std::chrono::milliseconds timeout);

}  // namespace insightd::delivery
