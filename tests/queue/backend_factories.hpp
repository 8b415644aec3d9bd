// SPDX-License-Identifier: Apache-2.0
#pragma once
// Every queue backend the contract suite runs against: a new backend is one
// more factory here (see backend_contract_fixture.hpp for what one provides).
#include <gtest/gtest.h>

#include "backend_contract_fixture.hpp"
#include "redis_factory.hpp"
#include "sqlite_factory.hpp"

namespace insightd::queue::testing {

using BackendFactories = ::testing::Types<SqliteFactory, RedisFactory>;

}  // namespace insightd::queue::testing
