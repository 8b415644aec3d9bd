// SPDX-License-Identifier: Apache-2.0
#pragma once
// The fetch-side half of an audit record travels with the outbox rows (as the
// store's audit_context) so the record can be completed when the CRM answers,
// possibly after a restart. These two functions are that round trip.
#include <string>
#include <string_view>

#include "insightd/observability/audit.hpp"

namespace insightd::pipeline {

std::string encode_audit_context(const observability::AuditRecord& record);
// A context that cannot be parsed (written by another version) yields a
// record with only the interaction id set: the audit line is still written.
observability::AuditRecord decode_audit_context(std::string_view context, std::string_view interaction_id);

}  // namespace insightd::pipeline
