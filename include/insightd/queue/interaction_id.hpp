#pragma once
// What an interaction (conversation) ID may look like, for every entry point
// (CLI enqueue, admin API): non-empty, at most 128 printable ASCII characters,
// no whitespace.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace insightd::queue {

inline constexpr std::size_t max_interaction_id_length = 128;

// true if id is acceptable; otherwise false and, when why is given, the reason
// (which never repeats the ID itself: it may be anything the user typed).
bool valid_interaction_id(std::string_view id, std::string* why = nullptr);

// The IDs of `insightd enqueue ID... | -`: each argument, or for "-" every
// line of `in` (blank lines skipped, a trailing CR dropped). Bad ones are
// reported with their position; the good ones are kept in order.
struct IdList {
  struct Rejected {
    std::string where;   // "argument 3" | "stdin line 7"
    std::string reason;  // from valid_interaction_id
  };
  std::vector<std::string> ids;
  std::vector<Rejected> rejected;
};
IdList collect_interaction_ids(const std::vector<std::string>& args, std::istream& in);

}  // namespace insightd::queue
