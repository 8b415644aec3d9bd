// SPDX-License-Identifier: Apache-2.0
#pragma once
// `insightd check-config --connect`: after the file is valid, try what it
// names: a token request at the Genesys login endpoint with the configured
// client, a HEAD of the CRM URL (TLS and an HTTP answer, nothing delivered),
// and Redis (connect, AUTH, PING) when queue.backend is redis. One line per
// check, naming what was tried and the result; never a secret.
#include <string>
#include <vector>

#include "insightd/config/config.hpp"

namespace insightd::app {

struct ConnectCheck {
  std::string line;  // "genesys login: POST https://.../oauth/token for client 'x': ok, ..."
  bool ok = false;
};

// Runs every check to completion on its own io_context.
std::vector<ConnectCheck> check_connections(const Config& cfg);

}  // namespace insightd::app
