// SPDX-License-Identifier: Apache-2.0
// PII through the whole pipeline: a card number leaked in a `redacted`
// insight reaches the CRM masked under `mask`, does not reach it under
// `block`, and the audit record names the leak without the number.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>

#include "insightd/sim/insight_data.hpp"
#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;
using sim::PlantedPii;

const std::string pii_id = "it-pii-leak-n12";

json::object audit_record_for(const std::string& stdout_text, const std::string& id) {
  std::istringstream lines(stdout_text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.front() != '{') continue;
    auto record = json::parse(line).as_object();
    if (record.at("interaction_id").as_string() == id) return record;
  }
  return {};
}

std::vector<std::string> crm_bodies_for(const SimProcess& sim, const std::string& id) {
  std::vector<std::string> bodies;
  const auto document = sim.deliveries();  // keep it alive: the loop walks inside it
  for (const auto& v : document.as_object().at("deliveries").as_array()) {
    const auto& r = v.as_object();
    if (r.at("interaction_id").as_string() == id) bodies.emplace_back(r.at("body").as_string());
  }
  return bodies;
}

void expect_no_planted_pii(const std::string& text, const std::string& where) {
  for (auto pii : PlantedPii::kAll) {
    EXPECT_EQ(text.find(pii), std::string::npos) << where << " contains " << pii;
  }
  EXPECT_EQ(text.find("4111111111111111"), std::string::npos) << where;
}

// Nothing unmasked on disk: the SQLite file and its write-ahead log.
void expect_no_planted_pii_on_disk(const TempDir& dir) {
  for (const char* name : {"insightd.db", "insightd.db-wal"}) {
    auto path = dir.path() / name;
    if (std::filesystem::exists(path)) expect_no_planted_pii(read_file(path), name);
  }
}

class GovernancePipeline : public ::testing::Test {
 protected:
  TempDir dir;
  const TestCa& ca = TestCa::shared();
  SimProcess sim{dir, ca};

  RunResult run_with_policy(const std::string& policy) {
    auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert, .pii = policy});
    last_config = config;
    EXPECT_EQ(insightd(dir, config, {"enqueue", pii_id}, "enqueue").exit_code, 0);
    return insightd(dir, config, {"run", "--drain"}, "run");
  }
  std::filesystem::path last_config;  // of the last run_with_policy()
};

TEST_F(GovernancePipeline, MaskDeliversTheLeakedCardMaskedAndTheAuditNamesTheLeak) {
  auto run = run_with_policy("mask");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto bodies = crm_bodies_for(sim, pii_id);
  ASSERT_FALSE(bodies.empty());
  const auto& body = bodies.back();
  expect_no_planted_pii(body, "CRM body");
  for (const char* placeholder :
       {"[EMAIL]", "[PHONE]", "[CARD]", "[SSN]", "[IBAN]", "[DOB]", "[ROUTING]", "[IP]"})
    EXPECT_NE(body.find(placeholder), std::string::npos) << placeholder;

  auto record = audit_record_for(run.out, pii_id);
  ASSERT_FALSE(record.empty()) << run.out;
  EXPECT_EQ(record.at("outcome").as_string(), "done");
  EXPECT_GT(record.at("redaction_leaks").to_number<int>(), 0);
  for (const char* kind : {"email", "phone", "card", "ssn", "iban", "dob", "routing", "ip"})
    EXPECT_GT(record.at("pii_findings").as_object().at(kind).to_number<int>(), 0) << kind;
  expect_no_planted_pii(json::serialize(record), "audit record");
  expect_no_planted_pii(run.err, "operational log");
  expect_no_planted_pii_on_disk(dir);
}

TEST_F(GovernancePipeline, BlockKeepsTheInteractionAwayFromTheCrmAsADeadLetter) {
  auto run = run_with_policy("block");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(crm_bodies_for(sim, pii_id).empty());

  auto record = audit_record_for(run.out, pii_id);
  ASSERT_FALSE(record.empty()) << run.out;
  EXPECT_EQ(record.at("outcome").as_string(), "dead");
  EXPECT_GT(record.at("redaction_leaks").to_number<int>(), 0);
  expect_no_planted_pii(json::serialize(record), "audit record");

  auto status = status_json(dir, last_config);
  EXPECT_EQ(status.at("dead").to_number<int>(), 1);
  auto letters = insightd(dir, last_config, {"dead-letters", "list"}, "dead-letters");
  EXPECT_EQ(letters.exit_code, 0);
  EXPECT_NE(letters.out.find(pii_id), std::string::npos);
  EXPECT_NE(letters.out.find("pii"), std::string::npos);
  expect_no_planted_pii(letters.out, "dead-letters list");
  expect_no_planted_pii_on_disk(dir);
}

}  // namespace
}  // namespace insightd::test
