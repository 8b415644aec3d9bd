// SPDX-License-Identifier: Apache-2.0
#include "insightd/queue/report.hpp"

#include <gmock/gmock.h>

#include <boost/json/serialize.hpp>

using namespace insightd::queue;
using ::testing::HasSubstr;

TEST(QueueReport, StatusJsonCountsLeasedAndDeliveringAsInFlight) {
  Counts c{.pending = 5, .in_flight = 2, .delivering = 3, .done = 7, .failed = 1, .dead = 4, .outbox = 6};
  EXPECT_EQ(
      boost::json::serialize(to_json(c)),
      R"({"pending":5,"in_flight":5,"leased":2,"delivering":3,"done":7,"failed":1,"dead":4,"outbox_depth":6})");
  auto text = format_counts(c);
  EXPECT_THAT(text, HasSubstr("in_flight     5  (leased 2, delivering 3)\n"));
  EXPECT_THAT(text, HasSubstr("outbox depth  6\n"));
}

TEST(QueueReport, InteractionJson) {
  InteractionInfo info{"abc", State::delivering, 2, "lease expired", 1'700'000'000'123, 3};
  EXPECT_EQ(boost::json::serialize(to_json(info)),
            R"({"id":"abc","state":"delivering","attempts":2,"last_error":"lease expired",)"
            R"("updated_at":"2023-11-14T22:13:20.123Z","outbox_parts":3})");
}

TEST(QueueReport, DeadLetterTableAlignsColumnsAndKeepsErrorsOnOneLine) {
  std::vector<DeadLetter> letters{
      {"conv-1", 1'700'000'000'000, 12, 503, "service\nunavailable", "delivery"},
      {"a-much-longer-conversation-id", 1'700'000'060'000, 1, 0, "blocked: email", "pii"},
  };
  auto table = format_dead_letters(letters);
  EXPECT_EQ(
      table,
      "TIME                      INTERACTION                    ATTEMPTS  LAST STATUS  LAST ERROR           "
      "KIND\n"
      "2023-11-14T22:13:20.000Z  conv-1                         12        503          service unavailable  "
      "delivery\n"
      "2023-11-14T22:14:20.000Z  a-much-longer-conversation-id  1         -            blocked: email       "
      "pii\n");
  EXPECT_EQ(format_dead_letters({}), "no dead letters\n");
}

TEST(QueueReport, StatusJsonNamesTheHeldReasonOrNull) {
  Counts c{.pending = 1};
  EXPECT_TRUE(status_json(c, std::nullopt).at("deliveries_held").is_null());
  EXPECT_EQ(status_json(c, "CRM endpoint answered 410 Gone").at("deliveries_held"),
            "CRM endpoint answered 410 Gone");
  EXPECT_EQ(status_json(c, std::nullopt).at("pending"), 1);
}

TEST(QueueReport, FailureJsonTakesTheCorrelationIdFromTheAuditContextElseFromTheReason) {
  Failure dead{"conv-1", State::dead, "delivery", 1, 422, "CRM answered 422", "corr-ctx", 1'700'000'000'123};
  EXPECT_EQ(
      boost::json::serialize(to_json(dead)),
      R"({"id":"conv-1","state":"dead","kind":"delivery","attempts":1,"last_status":422,)"
      R"("reason":"CRM answered 422","correlation_id":"corr-ctx","updated_at":"2023-11-14T22:13:20.123Z"})");

  Failure failed{"conv-2", State::failed, "", 3, 0, "HTTP 404 from agentassist (correlation id ab-12)", "",
                 0};
  EXPECT_EQ(to_json(failed).at("correlation_id"), "ab-12");
  failed.last_error = "HTTP 404 for interaction conv-2 (correlation id none)";
  EXPECT_EQ(to_json(failed).at("correlation_id"), "");
  failed.last_error = "schema check failed";
  EXPECT_EQ(to_json(failed).at("correlation_id"), "");
}

TEST(QueueReport, DaemonsTableAndJsonShowWhatEachDaemonHolds) {
  std::vector<DaemonInfo> daemons{
      {"h1:10:ab", "h1", 10, "0.1.0", 1'700'000'000'000, 1'700'000'050'000, 1'700'000'350'000, 3, 1},
      {"host-two:2048:cd", "host-two", 2048, "0.1.0", 1'700'000'010'000, 1'700'000'058'000, 1'700'000'358'000,
       0, 12},
  };
  EXPECT_EQ(format_daemons(daemons, 1'700'000'060'000),
            "daemons       2\n"
            "  HOST      PID   VERSION  SINCE                     LAST SEEN  FETCH LEASES  DELIVERY LEASES\n"
            "  h1        10    0.1.0    2023-11-14T22:13:20.000Z  10s ago    3             1\n"
            "  host-two  2048  0.1.0    2023-11-14T22:13:30.000Z  2s ago     0             12\n");
  EXPECT_EQ(format_daemons({}, 1'700'000'060'000), "");  // SQLite: nothing to add
  EXPECT_EQ(boost::json::serialize(to_json(daemons).at(0)),
            R"({"owner":"h1:10:ab","host":"h1","pid":10,"version":"0.1.0",)"
            R"("started_at":"2023-11-14T22:13:20.000Z","last_seen_at":"2023-11-14T22:14:10.000Z",)"
            R"("expires_at":"2023-11-14T22:19:10.000Z","fetch_leases":3,"delivery_leases":1})");
  EXPECT_EQ(status_json(Counts{}, std::nullopt, daemons).at("daemons").as_array().size(), 2u);
  EXPECT_TRUE(status_json(Counts{}, std::nullopt).at("daemons").as_array().empty());
}
