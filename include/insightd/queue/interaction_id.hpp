// SPDX-License-Identifier: Apache-2.0
#pragma once
// The interaction IDs `insightd enqueue` reads; the rule an ID follows is
// insightd/common/interaction_id.hpp.
#include <iosfwd>
#include <string>
#include <vector>

#include "insightd/common/interaction_id.hpp"

namespace insightd::queue {

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
