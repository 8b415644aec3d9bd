#include "insightd/queue/interaction_id.hpp"

#include <fmt/format.h>

#include <istream>

namespace insightd::queue {

bool valid_interaction_id(std::string_view id, std::string* why) {
  auto reject = [why](std::string reason) {
    if (why) *why = std::move(reason);
    return false;
  };
  if (id.empty()) return reject("empty interaction ID");
  if (id.size() > max_interaction_id_length)
    return reject(fmt::format("interaction ID is {} characters long (at most {})", id.size(),
                              max_interaction_id_length));
  for (std::size_t i = 0; i < id.size(); ++i) {
    auto c = static_cast<unsigned char>(id[i]);
    // Printable ASCII without space: '!' (0x21) to '~' (0x7e).
    if (c < 0x21 || c > 0x7e) {
      const char* what = (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f')
                             ? "whitespace"
                             : "a non-printable or non-ASCII byte";
      return reject(fmt::format("interaction ID contains {} at character {}", what, i + 1));
    }
  }
  return true;
}

}  // namespace insightd::queue

namespace insightd::queue {

namespace {
void take(IdList& list, std::string id, std::string where) {
  std::string why;
  if (valid_interaction_id(id, &why))
    list.ids.push_back(std::move(id));
  else
    list.rejected.push_back({std::move(where), std::move(why)});
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
