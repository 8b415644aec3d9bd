// SPDX-License-Identifier: Apache-2.0
#pragma once
// Hooks through which the daemon records delivery metrics and audit records.
// Called on the I/O thread; every hook defaults to doing nothing.
#include <string>

#include "insightd/queue/types.hpp"

namespace insightd::delivery {

class DeliveryObserver {
 public:
  virtual ~DeliveryObserver() = default;
  // One POST finished: its HTTP status (0 on a transport failure) and duration.
  virtual void on_attempt(int /*status*/, double /*seconds*/) {}
  // An interaction reached done or dead through this delivery (its last part settled).
  virtual void on_finished(const queue::Finished& /*finished*/, int /*last_status*/,
                           std::string /*webhook_id*/) {}
  // The CRM answered 410: deliveries are held until re-enabled.
  virtual void on_endpoint_disabled() {}
  // The circuit breaker opened (true) or closed again (false).
  virtual void on_breaker(bool /*open*/) {}
};

}  // namespace insightd::delivery
