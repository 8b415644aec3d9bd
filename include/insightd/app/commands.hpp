// SPDX-License-Identifier: Apache-2.0
#pragma once
// One function per `insightd` subcommand (insightd(8)). Each returns the process
// exit code: 0 ok, 1 runtime failure, 2 usage or invalid config.
#include <string>
#include <vector>

namespace insightd::app {

inline constexpr const char* kDefaultConfigPath = "/etc/insightd/insightd.yaml";

// connect: also try the Genesys login, the CRM URL and Redis; 1 if one fails.
int cmd_check_config(const std::string& config_path, bool connect = false);
int cmd_run(const std::string& config_path, bool drain);
int cmd_enqueue(const std::string& config_path, const std::vector<std::string>& ids);  // "-" = stdin
int cmd_fetch(const std::string& config_path, const std::string& interaction_id);
int cmd_status(const std::string& config_path, bool json);
int cmd_dead_letters_list(const std::string& config_path);
int cmd_dead_letters_replay(const std::string& config_path, const std::vector<std::string>& ids, bool all);
int cmd_resume_deliveries(const std::string& config_path);         // after a 410: re-enable the CRM endpoint
int cmd_intake_status(const std::string& config_path, bool json);  // what the intake leader recorded
// Copies the queue from one backend to another (only sqlite -> redis); 2 when
// refused (a daemon holds leases on either side, or runs on the target).
int cmd_migrate(const std::string& config_path, const std::string& from, const std::string& to);
int cmd_demo(const std::string& backend);  // the simulator runs in-process; redis: three daemons

// `insightd --help` as a short man page: the NAME/DESCRIPTION text shown
// above the usage, and the FILES, EXIT STATUS, SIGNALS, ENVIRONMENT and
// SEE ALSO sections shown below the subcommands.
std::string help_description();
std::string help_footer();

}  // namespace insightd::app
