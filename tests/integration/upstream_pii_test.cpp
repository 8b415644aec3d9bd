// SPDX-License-Identifier: Apache-2.0
// Upstream error text with PII in it (a Genesys error message, a CRM's answer)
// never reaches the log, the audit records, the database, `dead-letters list`
// or the admin API; and a CRM redirect is dead-lettered naming its Location.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "insightd/sim/faults.hpp"
#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

const std::string pii_admin_token = "it-admin-token-pii-2f7a";

http::Response admin_get(std::uint16_t port, const std::string& path) {
  http::Request req;
  req.url = fmt::format("http://127.0.0.1:{}{}", port, path);
  req.headers.set("Authorization", "Bearer " + pii_admin_token);
  return http_call(req, "");
}

// The daemon's database with its WAL, as bytes: what a disk reader would see.
std::string database_bytes(const TempDir& dir) {
  std::string bytes;
  for (const char* name : {"insightd.db", "insightd.db-wal"}) {
    bytes += read_file(dir.path() / name);
  }
  return bytes;
}

// Each way the echoed contact details could be written, digits grouped or not.
void expect_no_contact_details(const std::string& text, const std::string& where) {
  const std::string phone_digits = "4155550199";
  std::string digits_only;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits_only += c;
  }
  EXPECT_EQ(text.find(sim::kChattyEmail), std::string::npos) << where;
  EXPECT_EQ(text.find("jane.doe"), std::string::npos) << where;
  EXPECT_EQ(text.find(sim::kChattyPhone), std::string::npos) << where;
  EXPECT_EQ(text.find(sim::kChattyCard), std::string::npos) << where;
  EXPECT_EQ(digits_only.find(phone_digits), std::string::npos) << where;
}

TEST(UpstreamPii, ErrorTextIsMaskedEverywhereItIsKept) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca);
  auto token_file = dir.write("admin-token", pii_admin_token + "\n");
  auto config =
      write_config(dir, sim.base_url(),
                   {.ca_file = ca.ca_cert, .crm_max_attempts = 2, .admin_token_file = token_file.string()});
  Process daemon({INSIGHTD_BIN, "run", "-c", config.string()}, dir.path() / "daemon");
  const std::regex bound(R"(admin endpoint on http://127\.0\.0\.1:(\d+))");
  std::uint16_t port = 0;
  ASSERT_TRUE(eventually([&] {
    std::smatch m;
    const auto log = daemon.err();
    if (!std::regex_search(log, m, bound)) return false;
    port = static_cast<std::uint16_t>(std::stoi(m[1]));
    return true;
  })) << daemon.err();

  const std::vector<std::string> ids = {"it-leak-chattyerror", "it-leak-crmchatty", "it-leak-crmmoved"};
  ASSERT_EQ(insightd(dir, config, {"enqueue", ids[0], ids[1], ids[2]}, "enqueue").exit_code, 0);

  std::map<std::string, json::object> seen;
  ASSERT_TRUE(eventually(
      [&] {
        for (const auto& id : ids) {
          auto r = admin_get(port, "/v1/interactions/" + id);
          if (r.status != 200) return false;
          auto info = json::parse(r.body).as_object();
          const auto state = info.at("state").as_string();
          if (state != "failed" && state != "dead") return false;
          seen[id] = std::move(info);
        }
        return true;
      },
      60s))
      << daemon.err();
  daemon.signal(SIGTERM);
  ASSERT_EQ(daemon.wait_for(30s), 0) << daemon.err();

  // The reasons are still there, masked.
  EXPECT_NE(json::serialize(seen[ids[0]]).find("Query rejected for customer [EMAIL] ([PHONE]), card [CARD]"),
            std::string::npos)
      << seen[ids[0]];
  EXPECT_NE(json::serialize(seen[ids[1]]).find("HTTP 422 (code: [CARD])"), std::string::npos) << seen[ids[1]];
  EXPECT_NE(json::serialize(seen[ids[2]]).find(sim::kCrmMovedLocation), std::string::npos) << seen[ids[2]];

  const auto dead_letters = insightd(dir, config, {"dead-letters", "list"}, "dead-letters");
  ASSERT_EQ(dead_letters.exit_code, 0) << dead_letters.err;
  EXPECT_NE(dead_letters.out.find("it-leak-crmchatty"), std::string::npos) << dead_letters.out;
  EXPECT_NE(dead_letters.out.find(fmt::format("HTTP 301 redirect to {}", sim::kCrmMovedLocation)),
            std::string::npos)
      << dead_letters.out;

  for (const auto& [id, info] : seen)
    expect_no_contact_details(json::serialize(info), "admin answer for " + id);
  expect_no_contact_details(dead_letters.out + dead_letters.err, "dead-letters list");
  expect_no_contact_details(daemon.err(), "the log");
  expect_no_contact_details(daemon.out(), "the audit records");
  expect_no_contact_details(database_bytes(dir), "the database");
  // The audit records name the errors (so the checks above looked at the right place).
  EXPECT_NE(daemon.out().find("it-leak-chattyerror"), std::string::npos) << daemon.out();
}

}  // namespace
}  // namespace insightd::test
