// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading the RedisBackend scripts' replies: rows of values by position. A
// reply of another shape is a bug in a script, thrown naming the script.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "insightd/redis/reply.hpp"

namespace insightd::queue::replies {

class Row {
 public:
  Row(const redis::Reply& reply, const char* script);

  const std::string& text(std::size_t i) const;  // a string; "" for nil
  std::int64_t integer(std::size_t i) const;
  int int32(std::size_t i) const;
  std::size_t size_at(std::size_t i) const;  // a count (not negative)

 private:
  const redis::Reply& at(std::size_t i, redis::Reply::Type expected) const;

  const redis::Reply& reply_;
  const char* script_;
};

// The elements of an array reply (each a Row).
const std::vector<redis::Reply>& rows(const redis::Reply& reply, const char* script);

// A decimal integer Redis stored as a string (a hash field).
std::int64_t parse_int64(const std::string& text, const char* what);

// The audit context's "correlation_id", or "" when it is not JSON or has none.
std::string correlation_id(const std::string& audit_context);

}  // namespace insightd::queue::replies
