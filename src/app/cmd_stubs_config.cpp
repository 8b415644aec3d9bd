// Placeholder until the config area implements check-config (owned by the config work).
#include "insightd/app/commands.hpp"
#include <cstdio>
namespace insightd::app {
int cmd_check_config(const std::string&) { std::fprintf(stderr, "check-config: not implemented yet\n"); return 1; }
}  // namespace insightd::app
