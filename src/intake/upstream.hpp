// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to src/intake: one Genesys API call with the fetcher's request
// policy (genesys/fetch_policy.hpp): a limiter token per request, one token
// refresh on 401, every worker paused on 429, full-jitter backoff on 5xx and
// transport errors; a long-window 429 or a permanent failure is not retried.
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <random>
#include <string>

#include "insightd/config/config.hpp"
#include "insightd/http/message.hpp"
#include "insightd/intake/intake.hpp"

namespace insightd::intake::detail {

struct UpstreamReply {
  bool ok = false;
  http::Response response;  // ok: the 2xx answer
  std::string error;        // not ok: status, upstream message, correlation id
};

struct Upstream {
  Dependencies deps;
  const GenesysConfig* genesys = nullptr;
  // Sleeps `delay` unless the intake stops first (false).
  std::function<boost::asio::awaitable<bool>(std::chrono::milliseconds)> sleep;
  std::mt19937_64 rng{std::random_device{}()};

  // path: "/api/v2/..." (relative to api_base_url) or an absolute URL.
  boost::asio::awaitable<UpstreamReply> call(std::string method, std::string path, std::string body);
};

}  // namespace insightd::intake::detail
