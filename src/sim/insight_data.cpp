// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/insight_data.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>

#include "insightd/common/crypto.hpp"
#include "insightd/common/rfc3339.hpp"

namespace insightd::sim {
namespace {

using namespace std::chrono_literals;

constexpr std::array<std::string_view, 4> kKnownTypes = {"keyword", "summary", "sentiment", "topic"};

constexpr std::array<std::string_view, 12> kKeywords = {
    "refund",        "cancel subscription", "late delivery",    "upgrade plan",
    "billing error", "password reset",      "roaming charges",  "warranty claim",
    "promo code",    "router offline",      "duplicate charge", "contract renewal"};

constexpr std::array<std::string_view, 8> kTopics = {"Billing dispute", "Order status", "Technical support",
                                                     "Account access",  "Plan change",  "Returns and refunds",
                                                     "Service outage",  "Loyalty offer"};

constexpr std::array<std::string_view, 8> kAgentActions = {
    "issued a partial credit",       "escalated to tier 2",          "walked the customer through a reset",
    "scheduled a technician visit",  "applied a retention discount", "opened a replacement order",
    "confirmed the refund timeline", "updated the billing address"};

constexpr std::array<std::string_view, 6> kSentimentEvents = {
    "the agent apologised for the delay", "hearing the refund amount", "a second transfer",
    "the outage was confirmed",           "the discount was applied",  "waiting on hold for ten minutes"};

constexpr std::array<std::string_view, 3> kMoods = {"positive", "negative", "neutral"};

template <std::size_t N>
std::string_view pick(const std::array<std::string_view, N>& list, std::mt19937_64& rng) {
  return list[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

std::string text_for(std::string_view type, std::mt19937_64& rng) {
  std::string out;
  if (type == "keyword") {
    out.append("Customer mentioned \"").append(pick(kKeywords, rng)).append("\"");
  } else if (type == "summary") {
    out.append("Customer called about ")
        .append(pick(kTopics, rng))
        .append("; the agent ")
        .append(pick(kAgentActions, rng))
        .append(".");
  } else if (type == "sentiment") {
    out.append("Customer sentiment turned ")
        .append(pick(kMoods, rng))
        .append(" after ")
        .append(pick(kSentimentEvents, rng))
        .append(".");
  } else {
    out.append("Topic detected: ").append(pick(kTopics, rng));
  }
  return out;
}

std::string pii_text() {
  std::string out = "Customer confirmed email ";
  out.append(PlantedPii::kEmail)
      .append(", phone ")
      .append(PlantedPii::kPhone)
      .append(", card ")
      .append(PlantedPii::kCard)
      .append(", SSN ")
      .append(PlantedPii::kSsn)
      .append(", IBAN ")
      .append(PlantedPii::kIban)
      .append(", date of birth ")
      .append(PlantedPii::kDob)
      .append(", routing number ")
      .append(PlantedPii::kRouting)
      .append(" and IP address ")
      .append(PlantedPii::kIp)
      .append(" for the refund.");
  return out;
}

// The PRNG seed: the first 64 bits of SHA-256(seed ":" id), stable across platforms.
std::uint64_t seed_for(std::string_view interaction_id, std::uint64_t seed) {
  std::string material = std::to_string(seed);
  material.append(":").append(interaction_id);
  return std::stoull(crypto::sha256_hex(material).substr(0, 16), nullptr, 16);
}

std::string uuid_from(std::mt19937_64& rng) {
  char buf[40];
  const std::uint64_t a = rng(), b = rng();
  std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return buf;
}

std::chrono::system_clock::duration age_for(const Faults& faults, std::mt19937_64& rng) {
  if (faults.stale) return std::chrono::hours(std::uniform_int_distribution<int>(2 * 24, 30 * 24)(rng));
  if (faults.future) return -std::chrono::hours(std::uniform_int_distribution<int>(24, 10 * 24)(rng));
  return std::chrono::seconds(std::uniform_int_distribution<int>(60, 2 * 3600)(rng));
}

// Malformed entities sit at positions 1, 2, 3 of every ten: no id, bad date, unknown type.
void make_malformed(SimInsight& insight, std::size_t index) {
  insight.malformed = true;
  switch (index % 10) {
    case 1:
      insight.id.clear();
      break;
    case 2:
      insight.created_text = "yesterday afternoon";
      break;
    default:
      insight.type = "emotion";
      break;
  }
}

}  // namespace

std::vector<SimInsight> generate_insights(std::string_view interaction_id, std::uint64_t seed,
                                          std::chrono::system_clock::time_point anchor) {
  const Faults faults = faults_for(interaction_id);
  std::mt19937_64 rng(seed_for(interaction_id, seed));
  const std::size_t count =
      faults.insight_count ? *faults.insight_count : std::uniform_int_distribution<std::size_t>(5, 40)(rng);

  std::vector<SimInsight> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    SimInsight insight;
    insight.id = uuid_from(rng);
    insight.interaction_id = std::string(interaction_id);
    insight.type = std::string(pick(kKnownTypes, rng));
    // Three decimals, as an assistant model reports them.
    insight.confidence = std::round(std::uniform_real_distribution<double>(0.30, 1.0)(rng) * 1000.0) / 1000.0;
    insight.text = text_for(insight.type, rng);
    insight.created = anchor - age_for(faults, rng);
    insight.created_text = format_rfc3339(insight.created);
    insight.rank = i;
    if (faults.pii && i % 4 == 0) {
      insight.redacted = true;  // claims redaction, yet the text still carries PII
      insight.text = pii_text();
    }
    if (faults.malformed && i % 10 >= 1 && i % 10 <= 3) make_malformed(insight, i);
    out.push_back(std::move(insight));
  }
  return out;
}

boost::json::object to_entity_json(const SimInsight& insight) {
  boost::json::object o;
  if (!insight.id.empty()) o["id"] = insight.id;
  o["interactionId"] = insight.interaction_id;
  o["insightType"] = insight.type;
  o["confidence"] = insight.confidence;
  o["text"] = insight.text;
  o["createdDate"] = insight.created_text;
  o["redacted"] = insight.redacted;
  return o;
}

}  // namespace insightd::sim
