// SPDX-License-Identifier: Apache-2.0
#include "insightd/redis/error.hpp"

namespace insightd::redis {
namespace {

class Category final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "redis"; }
  std::string message(int value) const override {
    switch (static_cast<errc>(value)) {
      case errc::unreachable:
        return "Redis unreachable";
      case errc::timeout:
        return "Redis command timed out";
      case errc::connection_lost:
        return "Redis connection lost with the command in flight";
      case errc::protocol:
        return "Redis protocol error";
      case errc::cancelled:
        return "Redis command cancelled";
    }
    return "Redis error";
  }
};

}  // namespace

const boost::system::error_category& redis_category() noexcept {
  static const Category category;
  return category;
}

}  // namespace insightd::redis
