// SPDX-License-Identifier: Apache-2.0
#include "insightd/delivery/webhook_request.hpp"

#include <string>

#include "insightd/common/webhook_signature.hpp"

namespace insightd::delivery {

http::Request make_webhook_request(const queue::OutboxMessage& message, std::string_view url,
                                   std::string_view key, std::int64_t unix_seconds,
                                   std::chrono::milliseconds timeout) {
  http::Request request;
  request.method = "POST";
  request.url = std::string(url);
  request.timeout = timeout;
  request.keep_body_prefix = kWebhookResponseKept;
  request.headers.set("Content-Type", "application/json");
  request.headers.set("webhook-id", message.webhook_id);
  request.headers.set("webhook-timestamp", std::to_string(unix_seconds));
  request.headers.set("webhook-signature", sign_webhook(key, message.webhook_id, unix_seconds, message.body));
  request.headers.set("Idempotency-Key", message.webhook_id);
  request.body = message.body;
  return request;
}

}  // namespace insightd::delivery
