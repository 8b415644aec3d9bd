// SPDX-License-Identifier: Apache-2.0
// The configuration loader on arbitrary YAML text: every error path must end
// in diagnostics (never a crash, a hang or an exception), and a Config comes
// back exactly when there is no error.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "insightd/config/loader.hpp"

namespace {

// ${VAR} substitution sees one fixed variable; no credentials directory, so
// relative secret paths resolve against the (empty) working directory.
std::optional<std::string> fuzz_env(std::string_view name) {
  if (name == "INSIGHTD_FUZZ_VAR") return std::string("value");
  return std::nullopt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  const auto result = insightd::load_config_text(yaml, "fuzz.yaml", fuzz_env);
  FUZZ_CHECK(result.config.has_value() == result.errors.empty());
  for (const auto& d : result.errors) {
    FUZZ_CHECK(d.file == "fuzz.yaml");
    FUZZ_CHECK(!d.message.empty());
    FUZZ_CHECK(d.line >= 0 && d.column >= 0);
  }
  return 0;
}
