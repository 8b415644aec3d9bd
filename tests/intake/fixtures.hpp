// SPDX-License-Identifier: Apache-2.0
#pragma once
// Recorded-shape fixtures of tests/intake/data.
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace insightd::intake::testing {

inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(INSIGHTD_TEST_DATA_DIR) + "/intake/data/" + name);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace insightd::intake::testing
