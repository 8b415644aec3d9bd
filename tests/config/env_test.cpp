// SPDX-License-Identifier: Apache-2.0
// ${VAR} substitution from the (injected) environment.
#include <gtest/gtest.h>

#include "config/config_builder.hpp"

namespace insightd {
namespace {

using test::ConfigBuilder;
using test::FakeEnv;

TEST(EnvSubstitution, ReplacesVariablesInsideAndAcrossValues) {
  ConfigBuilder builder;
  builder.remove("genesys", "client_id").add("genesys", "client_id: ${CLIENT_ID}");
  builder.remove("crm", "url").add("crm", "url: https://${CRM_HOST}:${CRM_PORT}/ingest");
  auto env = FakeEnv().set("CLIENT_ID", "abc-123").set("CRM_HOST", "crm.internal").set("CRM_PORT", "8443");
  auto r = test::load_text(builder.yaml(), env);
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.client_id, "abc-123");
  EXPECT_EQ(r.config->crm.url, "https://crm.internal:8443/ingest");
}

TEST(EnvSubstitution, WorksForNumbersAndDurationsToo) {
  auto env = FakeEnv().set("RPM", "600").set("TIMEOUT", "3s");
  auto r = test::load_text(ConfigBuilder()
                               .add("genesys", "requests_per_minute: ${RPM}")
                               .add("genesys", "request_timeout: ${TIMEOUT}")
                               .yaml(),
                           env);
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.requests_per_minute, 600);
  EXPECT_EQ(r.config->genesys.request_timeout, Duration{3000});
}

TEST(EnvSubstitution, SubstitutedValueIsStillValidated) {
  auto r =
      test::load_text(ConfigBuilder().add("genesys", "burst: ${BURST}").yaml(), FakeEnv().set("BURST", "0"));
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].message, "genesys.burst: must be at least 1 (got 0)");
}

TEST(EnvSubstitution, EveryUnsetVariableIsAnErrorNamingIt) {
  ConfigBuilder builder;
  builder.remove("genesys", "client_id").add("genesys", "client_id: ${CLIENT_ID}");
  builder.add("crm", "ca_file: /etc/${CA_DIR}/${CA_NAME}");
  auto r = test::load_text(builder.yaml(), FakeEnv().set("CA_DIR", "ssl"));
  ASSERT_EQ(r.errors.size(), 2u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].message, "genesys.client_id: environment variable CLIENT_ID is not set");
  EXPECT_EQ(r.errors[0].line, builder.line_of("client_id"));
  EXPECT_EQ(r.errors[1].message, "crm.ca_file: environment variable CA_NAME is not set");
}

TEST(EnvSubstitution, MalformedReferencesAreErrors) {
  auto r = test::load_text(
      ConfigBuilder().add("genesys", "ca_file: ${UNCLOSED").add("crm", "ca_file: ${1BAD}").yaml());
  ASSERT_EQ(r.errors.size(), 2u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].message, "genesys.ca_file: unterminated ${ (expected ${NAME})");
  EXPECT_EQ(r.errors[1].message,
            "crm.ca_file: invalid ${...} reference: a variable name is letters, digits and '_', not starting "
            "with a digit");
}

TEST(EnvSubstitution, ReplacesEachElementOfAList) {
  // Inside [...] a reference is quoted: a bare { opens a YAML flow mapping.
  auto r = test::load_text(ConfigBuilder().add("retrieval", "insight_types: [\"${T1}\", topic]").yaml(),
                           FakeEnv().set("T1", "summary"));
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->retrieval.insight_types, (std::vector{InsightType::summary, InsightType::topic}));
}

}  // namespace
}  // namespace insightd
