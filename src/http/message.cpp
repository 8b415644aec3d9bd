// SPDX-License-Identifier: Apache-2.0
#include "insightd/http/message.hpp"

#include <boost/algorithm/string/predicate.hpp>

namespace insightd::http {

void Headers::set(std::string name, std::string value) {
  for (auto& [n, v] : items_) {
    if (boost::algorithm::iequals(n, name)) {
      v = std::move(value);
      return;
    }
  }
  items_.emplace_back(std::move(name), std::move(value));
}

void Headers::add(std::string name, std::string value) {
  items_.emplace_back(std::move(name), std::move(value));
}

std::string_view Headers::get(std::string_view name) const noexcept {
  for (const auto& [n, v] : items_) {
    if (boost::algorithm::iequals(n, name)) return v;
  }
  return {};
}

bool Headers::contains(std::string_view name) const noexcept {
  for (const auto& [n, v] : items_) {
    if (boost::algorithm::iequals(n, name)) return true;
  }
  return false;
}

}  // namespace insightd::http
