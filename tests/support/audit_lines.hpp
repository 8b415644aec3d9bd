// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading what `insightd run` printed with audit.sink: stdout (one JSON audit
// record per line among the log lines), and writing ID lists for `enqueue -`.
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace insightd::test {

inline std::vector<boost::json::object> audit_records(const std::string& stdout_text) {
  std::vector<boost::json::object> records;
  std::istringstream lines(stdout_text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.front() == '{') records.push_back(boost::json::parse(line).as_object());
  }
  return records;
}

// interaction_id -> outcome of its last audit record.
inline std::map<std::string, std::string> audit_outcomes(const std::string& stdout_text) {
  std::map<std::string, std::string> outcomes;
  for (const auto& record : audit_records(stdout_text)) {
    outcomes[std::string(record.at("interaction_id").as_string())] =
        std::string(record.at("outcome").as_string());
  }
  return outcomes;
}

inline std::filesystem::path write_ids(const TempDir& dir, const std::vector<std::string>& ids) {
  std::string text;
  for (const auto& id : ids) text += id + "\n";
  return dir.write("ids.txt", text);
}

}  // namespace insightd::test
