// SPDX-License-Identifier: Apache-2.0
#include "insightd/queue/migration.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace insightd::queue {

awaitable<ExportPage> Backend::export_interactions(ExportCursor, std::size_t) {
  throw std::runtime_error(fmt::format("queue: {} cannot be migrated from", describe()));
  co_return ExportPage{};
}

awaitable<bool> Backend::import_interaction(ExportedInteraction) {
  throw std::runtime_error(fmt::format("queue: {} cannot be migrated to", describe()));
  co_return false;
}

namespace {

std::optional<std::string> leases_refusal(const Backend& backend, const LeasesHeld& held) {
  if (held.fetch == 0 && held.deliveries == 0) return std::nullopt;
  return fmt::format(
      "{} holds {} fetch and {} delivery leases that have not expired: a daemon is using it. "
      "Stop every daemon (systemctl stop insightd) and run migrate again once they have stopped "
      "or their leases expired (queue.lease_timeout)",
      backend.describe(), held.fetch, held.deliveries);
}

std::string daemons_text(const std::vector<DaemonInfo>& daemons) {
  std::string text;
  for (const auto& d : daemons) text += fmt::format("{}{} (pid {})", text.empty() ? "" : ", ", d.host, d.pid);
  return text;
}

// Adds what importing `i` copies to the report.
void count_copied(MigrationReport& report, const ExportedInteraction& i) {
  ++report.copied[i.state];
  if (i.state == State::done) return;  // its rows are kept as a count only (see import_interaction)
  for (const auto& p : i.parts) {
    ++report.parts;
    if (p.state == "pending") ++report.undelivered;
  }
}

}  // namespace

awaitable<std::optional<std::string>> migration_refusal(std::shared_ptr<Backend> from,
                                                        std::shared_ptr<Backend> to) {
  const auto source_held = co_await from->leases_held();
  if (auto refusal = leases_refusal(*from, source_held)) co_return refusal;
  const auto daemons = co_await to->live_daemons();
  if (!daemons.empty()) {
    co_return fmt::format(
        "{} has {} daemon(s) running: {}. Stop them before migrating (they would take the copied work "
        "while it is being copied)",
        to->describe(), daemons.size(), daemons_text(daemons));
  }
  const auto target_held = co_await to->leases_held();
  auto refusal = leases_refusal(*to, target_held);
  co_return refusal;
}

awaitable<MigrationReport> migrate(std::shared_ptr<Backend> from, std::shared_ptr<Backend> to,
                                   std::vector<std::string> setting_keys, std::size_t batch) {
  MigrationReport report;
  ExportCursor cursor;
  for (;;) {
    auto page = co_await from->export_interactions(cursor, batch);
    if (page.interactions.empty()) break;
    cursor = page.next;
    for (auto& i : page.interactions) {
      MigrationReport if_copied;
      count_copied(if_copied, i);
      const bool copied = co_await to->import_interaction(std::move(i));
      if (!copied) {
        ++report.skipped;
        continue;
      }
      for (const auto& [state, n] : if_copied.copied) report.copied[state] += n;
      report.parts += if_copied.parts;
      report.undelivered += if_copied.undelivered;
    }
  }
  for (auto& key : setting_keys) {
    auto value = co_await from->setting(key);
    if (!value) continue;
    const auto existing = co_await to->setting(key);
    if (existing) continue;
    co_await to->set_setting(key, std::move(*value));
    report.settings.push_back(std::move(key));
  }
  co_return report;
}

std::string format_report(const MigrationReport& r) {
  std::int64_t copied = 0;
  std::string by_state;
  for (const auto& [state, n] : r.copied) {
    copied += n;
    by_state += fmt::format("{}{} {}", by_state.empty() ? "" : ", ", to_string(state), n);
  }
  auto text = fmt::format("copied {} interactions{}{}{} and {} outbox rows ({} undelivered)\n", copied,
                          by_state.empty() ? "" : " (", by_state, by_state.empty() ? "" : ")", r.parts,
                          r.undelivered);
  text += fmt::format("skipped {} already in the target\n", r.skipped);
  if (!r.settings.empty()) {
    text += "settings copied:";
    for (const auto& s : r.settings) text += " " + s;
    text += "\n";
  }
  return text;
}

}  // namespace insightd::queue
