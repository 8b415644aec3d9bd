// SPDX-License-Identifier: Apache-2.0
#include "insightd/governance/upstream_text.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>

#include "insightd/common/utf8.hpp"
#include "insightd/governance/pii.hpp"

namespace insightd::governance {
namespace {

// Scanned before cutting, so a finding that straddles the cut is still masked.
// Placeholders are never much shorter than what they replace, so nothing beyond
// this window can reach the kept kMaxUpstreamText bytes.
constexpr std::size_t kScanWindow = 16 * kMaxUpstreamText;

const PiiScanner& scanner() {
  static const PiiScanner instance;  // compiling the patterns once; scan() is thread-safe
  return instance;
}

}  // namespace

std::string redact_upstream_text(std::string_view text) {
  const std::string_view window = text.substr(0, kScanWindow);
  std::string out = mask(window, scanner().scan(window));
  std::replace_if(
      out.begin(), out.end(),
      [](char c) { return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) == 0x7f; },
      ' ');
  if (out.size() > kMaxUpstreamText || window.size() < text.size()) {
    out.resize(utf8_prefix(out, kMaxUpstreamText).size());
    out += "...";
  }
  return out;
}

std::string upstream_error_message(std::string_view body) {
  boost::system::error_code ec;
  const auto value = boost::json::parse(body, ec);
  if (ec || !value.is_object()) return {};
  for (std::string_view key : {"message", "description", "error"}) {
    if (const auto* v = value.get_object().if_contains(key); v && v->is_string())
      return redact_upstream_text(v->get_string());
  }
  return {};
}

}  // namespace insightd::governance
