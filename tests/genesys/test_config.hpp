// SPDX-License-Identifier: Apache-2.0
#pragma once
// A Config for the genesys tests: fake hosts, fast retries, a generous bucket.
#include "insightd/config/config.hpp"

namespace insightd::genesys::testing {

inline Config test_config(SourceKind source = SourceKind::agentassist) {
  Config cfg;
  cfg.genesys.api_base_url = "https://api.test";
  cfg.genesys.login_base_url = "https://login.test";
  cfg.genesys.client_id = "id";
  cfg.genesys.client_secret = "s3cret";
  cfg.genesys.source = source;
  cfg.genesys.requests_per_minute = 60000;
  cfg.genesys.burst = 100;
  cfg.genesys.retry.max_attempts = 3;
  cfg.genesys.retry.initial = std::chrono::milliseconds(1);
  cfg.genesys.retry.max = std::chrono::milliseconds(2);
  cfg.retrieval.insight_types = {InsightType::keyword, InsightType::sentiment};
  cfg.retrieval.confidence_threshold = 0.5;
  cfg.retrieval.max_results = 2;
  return cfg;
}

}  // namespace insightd::genesys::testing
