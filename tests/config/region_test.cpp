// SPDX-License-Identifier: Apache-2.0
// region -> api./login. hosts (genesys.region in insightd.yaml(5)), and explicit URLs overriding it.
#include <gtest/gtest.h>

#include "config/config_builder.hpp"
#include "insightd/config/regions.hpp"

namespace insightd {
namespace {

using test::ConfigBuilder;

TEST(Region, EveryListedRegionMapsToItsApiAndLoginHosts) {
  ASSERT_EQ(genesys_regions().size(), 17u);
  for (auto region : genesys_regions()) {
    auto r = test::load_text(ConfigBuilder().add("genesys", "region: " + std::string(region)).yaml());
    ASSERT_TRUE(r.config) << region << "\n" << test::all_messages(r);
    EXPECT_EQ(r.config->genesys.api_base_url, "https://api." + std::string(region));
    EXPECT_EQ(r.config->genesys.login_base_url, "https://login." + std::string(region));
  }
}

TEST(Region, GovCloudAndAustraliaAreSpelledAsInTheSpec) {
  auto r = test::load_text(ConfigBuilder().add("genesys", "region: use2.us-gov-pure.cloud").yaml());
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.api_base_url, "https://api.use2.us-gov-pure.cloud");
  EXPECT_TRUE(is_genesys_region("mypurecloud.com.au"));
  EXPECT_FALSE(is_genesys_region("mypurecloud.au"));
}

TEST(Region, ExplicitUrlsOverrideTheRegion) {
  auto r = test::load_text(ConfigBuilder()
                               .add("genesys", "region: mypurecloud.jp")
                               .add("genesys", "api_base_url: https://proxy.internal/genesys")
                               .yaml());
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.api_base_url, "https://proxy.internal/genesys");
  EXPECT_EQ(r.config->genesys.login_base_url, "https://login.mypurecloud.jp");
}

TEST(Region, UnknownRegionListsTheValidOnes) {
  ConfigBuilder builder;
  builder.add("genesys", "region: eu.pure.cloud");
  auto r = test::load_text(builder.yaml());
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].line, builder.line_of("region"));
  EXPECT_EQ(r.errors[0].column, 3);
  const auto& message = r.errors[0].message;
  EXPECT_EQ(message.rfind("genesys.region: unknown region 'eu.pure.cloud'", 0), 0u) << message;
  for (auto region : genesys_regions()) EXPECT_NE(message.find(region), std::string::npos) << region;
}

TEST(Region, UnknownRegionIsIgnoredWhenBothUrlsAreGiven) {
  auto r = test::load_text(ConfigBuilder()
                               .add("genesys", "region: sim")
                               .add("genesys", "api_base_url: https://127.0.0.1:8443")
                               .add("genesys", "login_base_url: https://127.0.0.1:8443")
                               .yaml());
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.login_base_url, "https://127.0.0.1:8443");
}

}  // namespace
}  // namespace insightd
