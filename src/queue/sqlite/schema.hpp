// SPDX-License-Identifier: Apache-2.0
#pragma once
// The queue's schema, versioned with PRAGMA user_version: migration N takes a
// database from version N-1 to N inside one transaction, so a crash never
// leaves a half-migrated file.
#include "sqlite.hpp"

namespace insightd::queue {

inline constexpr int kSchemaVersion = 5;

// Applies the missing migrations; throws if the file is from a newer insightd.
void migrate(sqlite::Connection& db);

int user_version(sqlite::Connection& db);

}  // namespace insightd::queue
