// SPDX-License-Identifier: Apache-2.0
// The admin endpoint without sockets: raw bytes go through Beast's request
// parser with the server's limits (a pipelined connection may carry several
// requests), and every complete request through the admin handler, which must
// answer (never throw) with a status it documents.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "fuzz_check.hpp"
#include "http/beast_fields.hpp"
#include "insightd/common/interaction_id.hpp"
#include "insightd/observability/admin.hpp"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace json = boost::json;
using namespace insightd;

asio::awaitable<result<std::size_t>> fake_enqueue(std::vector<std::string> ids) {
  for (const auto& id : ids) FUZZ_CHECK(valid_interaction_id(id).has_value());
  co_return ids.size();
}

asio::awaitable<std::optional<json::object>> fake_lookup(std::string id) {
  if (id != "known") co_return std::nullopt;
  co_return json::object{{"id", id}, {"state", "done"}};
}

http::Handler make_handler(bool ready) {
  static const observability::Metrics metrics("fuzz");
  observability::AdminDeps deps;
  deps.metrics = &metrics;
  deps.not_ready_reason = [ready]() -> std::optional<std::string> {
    if (ready) return std::nullopt;
    return "queue not open";
  };
  deps.enqueue = [](std::vector<std::string> ids) { return fake_enqueue(std::move(ids)); };
  deps.lookup = [](std::string id) { return fake_lookup(std::move(id)); };
  deps.token = "fuzz-token";
  deps.max_ids = 16;
  return observability::make_admin_handler(std::move(deps));
}

bool documented(unsigned status) {
  switch (status) {
    case 200:
    case 202:
    case 400:
    case 401:
    case 403:
    case 404:
    case 405:
    case 413:
    case 503:
      return true;
    default:
      return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const http::Handler ready = make_handler(true);
  static const http::Handler not_ready = make_handler(false);
  const http::ServerOptions limits;
  asio::io_context io;
  std::size_t offset = 0;
  for (int index = 0; offset < size; ++index) {
    beast::http::request_parser<beast::http::string_body> parser;
    parser.body_limit(limits.max_request_body);
    parser.eager(true);
    beast::error_code ec;
    while (!ec && !parser.is_done() && offset < size) {
      const std::size_t used = parser.put(asio::buffer(data + offset, size - offset), ec);
      if (used == 0 && !ec) break;
      offset += used;
    }
    if (ec || !parser.is_done()) break;  // the server answers 400/413, or waits for more
    auto request = parser.release();
    http::ServerRequest req{std::string(request.method_string()), std::string(request.target()),
                            http::headers_from_fields(request.base()), std::move(request.body()),
                            "127.0.0.1:1"};
    const auto& handler = (index % 2 == 0) ? ready : not_ready;
    auto future = asio::co_spawn(io, handler(std::move(req)), asio::use_future);
    io.restart();
    io.run();
    const http::Response response = future.get();  // a throwing handler ends the run here
    FUZZ_CHECK(documented(response.status));
  }
  return 0;
}
