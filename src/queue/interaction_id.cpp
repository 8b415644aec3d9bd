// SPDX-License-Identifier: Apache-2.0
#include "insightd/queue/interaction_id.hpp"

#include <fmt/format.h>

#include <istream>

namespace insightd::queue {

namespace {
void take(IdList& list, std::string id, std::string where) {
  if (auto valid = valid_interaction_id(id))
    list.ids.push_back(std::move(id));
  else
    list.rejected.push_back({std::move(where), std::move(valid.error().message)});
}
}  // namespace

IdList collect_interaction_ids(const std::vector<std::string>& args, std::istream& in) {
  IdList list;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "-") {
      take(list, args[i], fmt::format("argument {}", i + 1));
      continue;
    }
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      take(list, std::move(line), fmt::format("stdin line {}", number));
    }
  }
  return list;
}

}  // namespace insightd::queue
