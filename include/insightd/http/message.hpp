// SPDX-License-Identifier: Apache-2.0
#pragma once
// Plain request/response values shared by the HTTP client and server, kept
// free of Beast headers so most translation units never parse Beast.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace insightd::http {

// Header names are matched case-insensitively.
class Headers {
 public:
  void set(std::string name, std::string value);               // replaces an existing one
  void add(std::string name, std::string value);               // keeps existing ones
  std::string_view get(std::string_view name) const noexcept;  // "" when absent
  bool contains(std::string_view name) const noexcept;
  const std::vector<std::pair<std::string, std::string>>& items() const noexcept { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct Request {
  std::string method = "GET";
  std::string url;  // client: absolute http(s) URL; server: the request target
  Headers headers;
  std::string body;
  std::chrono::milliseconds timeout{10000};  // client: per logical step
  // client: when set, only the status and headers matter: keep at most this many
  // bytes of the response body, whatever its size, and drop the rest unread
  // (the connection is then not reused). Unset: the whole body, within the
  // client's max_response_body.
  std::optional<std::size_t> keep_body_prefix;
};

struct Response {
  unsigned status = 0;
  Headers headers;
  std::string body;
};

}  // namespace insightd::http
