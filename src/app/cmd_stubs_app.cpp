// Placeholder until the app area implements these commands.
#include "insightd/app/commands.hpp"
#include <cstdio>
namespace insightd::app {
int cmd_run(const std::string&, bool) { std::fprintf(stderr, "not implemented yet\n"); return 1; }
int cmd_fetch(const std::string&, const std::string&) { std::fprintf(stderr, "not implemented yet\n"); return 1; }
int cmd_demo(const std::string&) { std::fprintf(stderr, "not implemented yet\n"); return 1; }
}  // namespace insightd::app
