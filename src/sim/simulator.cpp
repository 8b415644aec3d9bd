// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/simulator.hpp"

#include <mutex>

#include "sim_state.hpp"

namespace insightd::sim {

Simulator::Simulator(boost::asio::any_io_executor executor, SimOptions options)
    : options_(std::move(options)), service_(std::make_shared<SimService>(executor, options_)) {
  http::ServerOptions server_options;
  server_options.host = options_.host;
  server_options.port = options_.port;
  server_options.tls_cert_file = options_.tls_cert_file;
  server_options.tls_key_file = options_.tls_key_file;
  server_options.max_request_body = 16u << 20;  // CRM deliveries of large interactions
  server_ = http::make_server(executor, std::move(server_options), SimService::handler(service_));
  notifications_ = std::make_unique<NotificationsServer>(executor, service_, options_);
  auto& state = service_->state();
  std::lock_guard lock(state.mutex);
  state.notifications_base_uri = notifications_->base_uri();
  // Called under the state mutex: the listener acts on its own turn (posted).
  state.notifications_control = notifications_->controller();
}

std::string Simulator::notifications_uri() const {
  return notifications_->base_uri();
}

Simulator::~Simulator() {
  stop();
}

std::uint16_t Simulator::port() const noexcept {
  return server_->port();
}

std::string Simulator::base_url() const {
  const bool tls = !options_.tls_cert_file.empty() && !options_.tls_key_file.empty();
  return std::string(tls ? "https://" : "http://") + options_.host + ":" + std::to_string(port());
}

void Simulator::stop() {
  if (server_) server_->stop();
  if (notifications_) notifications_->stop();
}

SimStats Simulator::stats() const {
  return service_->stats();
}

void Simulator::reset() {
  service_->reset();
}

}  // namespace insightd::sim
