// SPDX-License-Identifier: Apache-2.0
#include "intake_section.hpp"

#include "schema.hpp"

namespace insightd::config_detail {
namespace {

template <class S>
Field<S> bool_field(std::string_view key, bool S::*member) {
  return {key, [member](const Entry& e, Context& ctx, S& s) {
            static constexpr std::array<std::string_view, 2> kNames{"true", "false"};
            if (auto index = read_choice(e, ctx, kNames)) s.*member = *index == 0;
          }};
}

// enqueue_delay may be zero (fetch as soon as the conversation is finished).
void read_enqueue_delay(const Entry& e, Context& ctx, IntakeConfig& intake) {
  auto text = read_text(e, ctx);
  if (!text) return;
  auto value = parse_duration(*text);
  if (!value) {
    ctx.error(e, fmt::format("expected a duration such as 0s, 30s or 2m, got '{}'", *text));
    return;
  }
  intake.enqueue_delay = *value;
}

void read_queues(const Entry& e, Context& ctx, IntakeConfig& intake) {
  if (e.node.IsScalar()) {
    if (e.node.Scalar() == "assisted") {
      intake.assisted = true;
      return;
    }
    ctx.error(e, fmt::format("expected a list of queue IDs or 'assisted', got '{}'", e.node.Scalar()));
    return;
  }
  if (!e.node.IsSequence() || e.node.size() == 0) {
    ctx.error(e, "expected a list of queue IDs (at least one) or 'assisted'");
    return;
  }
  std::vector<std::string> queues;
  for (std::size_t i = 0; i < e.node.size(); ++i) {
    const YAML::Node item = e.node[i];
    Entry at{item, fmt::format("{}[{}]", e.path, i), item.Mark()};
    auto id = read_text(at, ctx);
    if (!id) continue;
    // A queue ID lands in a topic name and a URL: dots or slashes cannot be one.
    if (id->empty() || id->find_first_of("./ ?#") != std::string::npos) {
      ctx.error(at, fmt::format("'{}' is not a queue ID", *id));
      continue;
    }
    if (std::find(queues.begin(), queues.end(), *id) != queues.end()) {
      ctx.error(at, fmt::format("queue '{}' is listed twice", *id));
      continue;
    }
    queues.push_back(std::move(*id));
  }
  intake.queues = std::move(queues);
}

const Schema<IntakeConfig>& notifications_schema() {
  static const Schema<IntakeConfig> schema{
      bool_field("enabled", &IntakeConfig::notifications_enabled),
      duration_field("heartbeat_timeout", &IntakeConfig::heartbeat_timeout),
  };
  return schema;
}

const Schema<IntakeConfig>& reconcile_schema() {
  static const Schema<IntakeConfig> schema{
      duration_field("interval", &IntakeConfig::reconcile_interval),
      duration_field("overlap", &IntakeConfig::reconcile_overlap),
      duration_field("lookback", &IntakeConfig::reconcile_lookback),
  };
  return schema;
}

const Schema<IntakeConfig>& intake_schema() {
  static const Schema<IntakeConfig> schema{
      {"queues", read_queues},
      {"enqueue_delay", read_enqueue_delay},
      {"notifications", [](const Entry& e, Context& ctx,
                           IntakeConfig& s) { read_mapping(e, notifications_schema(), ctx, s); }},
      {"reconcile",
       [](const Entry& e, Context& ctx, IntakeConfig& s) { read_mapping(e, reconcile_schema(), ctx, s); }},
  };
  return schema;
}

}  // namespace

void read_intake(const Entry& e, Context& ctx, Config& config) {
  config.intake.enabled = true;
  read_mapping(e, intake_schema(), ctx, config.intake);
  const YAML::Node section = e.node;  // const: operator[] must not add the key
  const bool missing = section.IsNull() || (section.IsMap() && !section["queues"]);
  if (!missing) return;
  const std::string message = "intake.queues is required: a list of queue IDs or 'assisted'";
  if (const auto* key = ctx.key_mark(e.path)) {
    ctx.error(*key, message);  // the `intake:` line, where the key belongs
  } else {
    ctx.error(e, message);
  }
}

}  // namespace insightd::config_detail
