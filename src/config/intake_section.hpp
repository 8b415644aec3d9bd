// SPDX-License-Identifier: Apache-2.0
#pragma once
// The `intake` section: queue IDs or `assisted`, delays, the live path and
// the reconciliation period.
#include "context.hpp"

namespace insightd::config_detail {

// Reads the section; its presence turns the intake on.
void read_intake(const Entry& e, Context& ctx, Config& config);

}  // namespace insightd::config_detail
