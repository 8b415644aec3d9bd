// Placeholder until the queue area implements these commands (owned by the queue work).
#include "insightd/app/commands.hpp"
#include <cstdio>
namespace insightd::app {
int cmd_enqueue(const std::string&, const std::vector<std::string>&) { std::fprintf(stderr, "not implemented yet\n"); return 1; }
int cmd_status(const std::string&, bool) { std::fprintf(stderr, "not implemented yet\n"); return 1; }
int cmd_dead_letters_list(const std::string&) { std::fprintf(stderr, "not implemented yet\n"); return 1; }
int cmd_dead_letters_replay(const std::string&, const std::vector<std::string>&, bool) { std::fprintf(stderr, "not implemented yet\n"); return 1; }
}  // namespace insightd::app
