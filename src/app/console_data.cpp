// SPDX-License-Identifier: Apache-2.0
#include "console_data.hpp"

#include <chrono>

#include "insightd/common/rfc3339.hpp"
#include "insightd/delivery/endpoint.hpp"
#include "insightd/intake/intake.hpp"
#include "insightd/queue/report.hpp"

namespace insightd::app {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

json::object throughput_json(const std::vector<queue::MinuteCounts>& minutes, std::int64_t now) {
  const std::int64_t first_minute =
      now / 60000 * 60000 - (static_cast<std::int64_t>(minutes.size()) - 1) * 60000;
  json::array done, failed;
  for (const auto& m : minutes) {
    done.push_back(m.done);
    failed.push_back(m.failed);
  }
  return {{"start", format_rfc3339_unix_ms(first_minute)},
          {"done", std::move(done)},
          {"failed", std::move(failed)}};
}

awaitable<std::size_t> replay(std::shared_ptr<queue::Backend> store, std::function<void()> work_arrived,
                              std::vector<std::string> ids, bool all) {
  const std::size_t replayed = co_await store->replay(std::move(ids), all);
  if (replayed > 0 && work_arrived) work_arrived();
  co_return replayed;
}

awaitable<std::optional<std::string>> resume(std::shared_ptr<queue::Backend> store,
                                             std::function<void()> work_arrived) {
  auto reason = co_await delivery::resume_held_deliveries(*store);
  if (reason && work_arrived) work_arrived();
  co_return reason;
}

}  // namespace

awaitable<json::object> intake_view(std::shared_ptr<queue::Backend> backend, bool configured) {
  const auto text = co_await backend->setting(std::string(intake::kStatusKey));
  auto view = intake::recorded_json(intake::recorded_status(text));
  view["configured"] = configured;
  co_return view;
}

awaitable<json::object> console_snapshot(std::shared_ptr<queue::Backend> store, bool intake_configured) {
  const auto counts = co_await store->counts();
  const auto held = co_await store->held_reason();
  const auto minutes = co_await store->settled_per_minute(kConsoleThroughputMinutes);
  const auto failures = co_await store->recent_failures(kConsoleFailureRows);
  auto intake = co_await intake_view(store, intake_configured);
  const auto now = now_ms();
  json::array failure_rows;
  for (const auto& f : failures) failure_rows.push_back(queue::to_json(f));
  co_return json::object{{"generated_at", format_rfc3339_unix_ms(now)},
                         {"status", queue::status_json(counts, held)},
                         {"throughput", throughput_json(minutes, now)},
                         {"failures", std::move(failure_rows)},
                         {"intake", std::move(intake)}};
}

observability::ConsoleDeps console_deps(std::shared_ptr<queue::Backend> store, std::string token,
                                        std::function<void()> work_arrived,
                                        std::function<bool()> intake_configured) {
  observability::ConsoleDeps deps;
  deps.token = std::move(token);
  // Arguments by value into named coroutines (GCC 12 coroutine-lambda bugs).
  deps.snapshot = [store, intake_configured] {
    return console_snapshot(store, intake_configured && intake_configured());
  };
  deps.replay = [store, work_arrived](std::vector<std::string> ids, bool all) {
    return replay(store, work_arrived, std::move(ids), all);
  };
  deps.resume_deliveries = [store, work_arrived] { return resume(store, work_arrived); };
  return deps;
}

}  // namespace insightd::app
