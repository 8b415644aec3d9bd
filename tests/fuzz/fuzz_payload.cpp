// SPDX-License-Identifier: Apache-2.0
// The webhook payload builder on arbitrary insights: every body parses as
// JSON, carries back what went in, and the parts add up to the insights.
#include <fuzzer/FuzzedDataProvider.h>

#include <boost/json/parse.hpp>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "insightd/delivery/payload.hpp"

namespace {

// Boost.JSON's own UTF-8 check: the bytes as a JSON string, their ASCII
// bytes (always valid) replaced so that quotes, escapes and controls cannot
// end or break the string. Insights reach the builder from JSON parsers, so
// their text is always valid UTF-8; other inputs are outside its contract.
bool valid_utf8(std::string_view s) {
  std::string quoted = "\"";
  for (const char c : s) quoted.push_back(static_cast<unsigned char>(c) < 0x80 ? 'a' : c);
  quoted.push_back('"');
  boost::system::error_code ec;
  boost::json::parse(quoted, ec);
  return !ec;
}

struct Inputs {
  bool valid = true;
  std::string text(FuzzedDataProvider& in, std::size_t max_length) {
    std::string s = in.ConsumeRandomLengthString(max_length);
    valid = valid && valid_utf8(s);
    return s;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace insightd;
  FuzzedDataProvider in(data, size);
  Inputs inputs;
  const std::string interaction = inputs.text(in, 128);
  const std::string cycle_key = inputs.text(in, 64);
  const std::string source = inputs.text(in, 32);
  const std::string fetched_at = inputs.text(in, 40);
  const int max_per_part = in.ConsumeIntegralInRange<int>(1, 8);
  boost::json::object governance{{"pass", in.ConsumeBool()},
                                 {"staleCount", in.ConsumeIntegral<std::int32_t>()},
                                 {"note", inputs.text(in, 64)}};
  std::vector<Insight> insights(in.ConsumeIntegralInRange<std::size_t>(0, 20));
  for (auto& insight : insights) {
    insight.id = inputs.text(in, 64);
    insight.interaction_id = interaction;
    insight.type = in.PickValueInArray(
        {InsightType::keyword, InsightType::summary, InsightType::sentiment, InsightType::topic});
    insight.confidence = in.ConsumeProbability<double>();
    insight.text = inputs.text(in, 512);
    insight.created_date = inputs.text(in, 40);
    insight.redacted = in.ConsumeBool();
    insight.source = source;
  }
  if (!inputs.valid) return 0;

  const auto messages = delivery::build_messages(interaction, cycle_key, source, fetched_at, insights,
                                                 governance, max_per_part);
  FUZZ_CHECK(!messages.empty());
  std::size_t total = 0;
  std::set<std::string> ids;
  for (const auto& m : messages) {
    boost::system::error_code ec;
    const auto body = boost::json::parse(m.body, ec);
    FUZZ_CHECK(!ec);
    FUZZ_CHECK(body.is_object());
    const auto& object = body.as_object();
    FUZZ_CHECK(object.at("interactionId").as_string() == interaction);
    FUZZ_CHECK(object.at("parts").as_int64() == static_cast<std::int64_t>(messages.size()));
    const auto& array = object.at("insights").as_array();
    FUZZ_CHECK(array.size() <= static_cast<std::size_t>(max_per_part));
    FUZZ_CHECK(object.at("count").as_int64() == static_cast<std::int64_t>(array.size()));
    for (std::size_t i = 0; i < array.size(); ++i)
      FUZZ_CHECK(array[i].as_object().at("id").as_string() == insights[total + i].id);
    total += array.size();
    FUZZ_CHECK(m.interaction_id == interaction && m.parts == static_cast<int>(messages.size()));
    ids.insert(m.webhook_id);
  }
  FUZZ_CHECK(total == insights.size());
  FUZZ_CHECK(ids.size() == messages.size());
  return 0;
}
