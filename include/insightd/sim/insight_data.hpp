// SPDX-License-Identifier: Apache-2.0
#pragma once
// Deterministic insight data: the same interaction ID and seed always yield
// the same insights, drawn from a PRNG seeded with a hash of both.
#include <array>
#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/sim/faults.hpp"

namespace insightd::sim {

struct SimInsight {
  std::string id;  // empty for the "no id" malformed entity
  std::string interaction_id;
  std::string type;  // keyword | summary | sentiment | topic, or unknown when malformed
  double confidence = 0.0;
  std::string text;
  std::chrono::system_clock::time_point created;
  std::string created_text;  // the createdDate as served (unparsable when malformed)
  bool redacted = false;
  std::size_t rank = 0;    // generation order; rank 0 is the most relevant
  bool malformed = false;  // malformed entities bypass server-side filters
};

// `anchor` is the wall-clock time dates are generated relative to (the
// simulator's start), so repeated calls return identical data.
std::vector<SimInsight> generate_insights(std::string_view interaction_id, std::uint64_t seed,
                                          std::chrono::system_clock::time_point anchor);

// The agentassist entity: {id, interactionId, insightType, confidence, text, createdDate, redacted}.
boost::json::object to_entity_json(const SimInsight& insight);

// The PII the `pii` fault plants (exposed so tests can look for each kind).
struct PlantedPii {
  static constexpr std::string_view kEmail = "jane.doe@example.com";
  static constexpr std::string_view kPhone = "+1 415-555-0132";
  static constexpr std::string_view kCard = "4111 1111 1111 1111";
  static constexpr std::string_view kSsn = "536-22-1987";
  static constexpr std::string_view kIban = "GB82 WEST 1234 5698 7654 32";
  static constexpr std::string_view kDob = "14/03/1972";
  static constexpr std::string_view kRouting = "021000021";
  static constexpr std::string_view kIp = "203.0.113.54";
  static constexpr std::array<std::string_view, 8> kAll{kEmail, kPhone, kCard,    kSsn,
                                                        kIban,  kDob,   kRouting, kIp};
};

}  // namespace insightd::sim
