// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to src/sim: the simulated contact-center platform. Conversations
// on the configured queues go connected -> customer ended (agent in wrap-up)
// -> wrap-up done, one stage per tick; notification channels and their
// subscriptions; the answers of the analytics query and the assistants
// endpoints over the same conversations. Guarded by SimState::mutex.
#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace insightd::sim {

struct SimConversation {
  std::string id;
  std::string queue_id;
  std::string agent_id;
  int stage = 0;  // 0 connected, 1 customer ended (agent in wrap-up), 2 wrap-up done
  std::chrono::system_clock::time_point start, customer_end, wrapup_end;
};

struct SimChannel {
  std::string id;
  std::set<std::string> topics;
};

class Platform {
 public:
  using time_point = std::chrono::system_clock::time_point;

  // One tick: every conversation moves one stage on, then (while fewer than
  // `total` were started; total 0 = no limit) a new one starts on the next
  // queue in turn, named by the next of `ids` (random once they run out).
  // Returns the conversations that changed, in order.
  std::vector<const SimConversation*> tick(const std::vector<std::string>& queues, std::uint64_t total,
                                           const std::vector<std::string>& ids, time_point now);
  // True once `total` conversations were started and all of them are finished.
  bool all_finished(std::uint64_t total) const;

  const std::map<std::string, SimConversation>& conversations() const { return conversations_; }

  SimChannel& create_channel();
  SimChannel* channel(const std::string& id);
  void clear();

 private:
  std::map<std::string, SimConversation> conversations_;
  std::vector<std::string> order_;  // ids by start
  std::map<std::string, SimChannel> channels_;
  std::uint64_t started_ = 0, finished_ = 0, channel_counter_ = 0;
};

// {topicName, version, eventBody, metadata} of one conversation event.
std::string conversation_event_message(const SimConversation& c);
std::string heartbeat_message();
std::string socket_closing_message();
std::string pong_message();

// The analytics query answer: finished conversations that started inside the
// request's interval on the requested queues (all queues when none), oldest
// first, one page. nullopt (with `error`) for a body the real API rejects.
std::optional<boost::json::object> analytics_answer(const Platform& platform,
                                                    const boost::json::value& request, std::string& error);

}  // namespace insightd::sim
