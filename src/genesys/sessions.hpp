// SPDX-License-Identifier: Apache-2.0
#pragma once
// Factories of the per-interaction sessions, one per source (internal).
#include <memory>
#include <string>

#include "insightd/genesys/source.hpp"

namespace insightd::genesys::detail {

std::unique_ptr<SourceSession> make_agentassist_session(const std::string& api,
                                                        const RetrievalConfig& retrieval,
                                                        std::string interaction_id);
std::unique_ptr<SourceSession> make_copilot_session(const std::string& api, const RetrievalConfig& retrieval,
                                                    std::string interaction_id);
std::unique_ptr<SourceSession> make_sta_session(const std::string& api, const RetrievalConfig& retrieval,
                                                std::string interaction_id);

}  // namespace insightd::genesys::detail
