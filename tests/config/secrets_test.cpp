// SPDX-License-Identifier: Apache-2.0
// Secrets given inline or as files, $CREDENTIALS_DIRECTORY, and that no
// message ever contains a secret.
#include <gtest/gtest.h>

#include "config/config_builder.hpp"
#include "support/temp_dir.hpp"

namespace insightd {
namespace {

using test::ConfigBuilder;
using test::FakeEnv;
using test::TempDir;

// The minimal file with the Genesys secret given by `line` instead of inline.
ConfigBuilder with_genesys_secret(const std::string& line) {
  ConfigBuilder builder;
  builder.remove("genesys", "client_secret").add("genesys", line);
  return builder;
}

TEST(Secrets, FileContentIsReadWithoutTrailingNewline) {
  TempDir dir;
  auto file = dir.write("genesys-secret", "from-file\r\n");
  auto r = test::load_text(with_genesys_secret("client_secret_file: " + file.string()).yaml());
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.client_secret, "from-file");
}

TEST(Secrets, RelativePathIsResolvedInCredentialsDirectory) {
  TempDir credentials;
  credentials.write("crm-secret", "whsec_from_credentials\n");
  ConfigBuilder builder;
  builder.remove("crm", "signing_secret").add("crm", "signing_secret_file: crm-secret");
  auto r =
      test::load_text(builder.yaml(), FakeEnv().set("CREDENTIALS_DIRECTORY", credentials.path().string()));
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->crm.signing_secret, "whsec_from_credentials");
}

TEST(Secrets, AbsolutePathThatDoesNotExistFallsBackToCredentialsDirectory) {
  TempDir credentials;
  credentials.write("genesys-secret", "via-load-credential");
  auto builder = with_genesys_secret("client_secret_file: /run/credentials/insightd.service/genesys-secret");
  auto r =
      test::load_text(builder.yaml(), FakeEnv().set("CREDENTIALS_DIRECTORY", credentials.path().string()));
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.client_secret, "via-load-credential");
}

TEST(Secrets, ExistingAbsolutePathWinsOverCredentialsDirectory) {
  TempDir credentials, elsewhere;
  credentials.write("genesys-secret", "credentials-copy");
  auto file = elsewhere.write("genesys-secret", "absolute-copy");
  auto r = test::load_text(with_genesys_secret("client_secret_file: " + file.string()).yaml(),
                           FakeEnv().set("CREDENTIALS_DIRECTORY", credentials.path().string()));
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.client_secret, "absolute-copy");
}

TEST(Secrets, RelativePathWithoutCredentialsDirectoryIsNextToTheConfigFile) {
  TempDir dir;
  dir.write("genesys-secret", "beside-config");
  auto config = dir.write("insightd.yaml", with_genesys_secret("client_secret_file: genesys-secret").yaml());
  auto r = load_config_file(config.string(), FakeEnv().lookup());
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.client_secret, "beside-config");
}

TEST(Secrets, UnreadableOrEmptyFileIsAnErrorNamingThePath) {
  TempDir dir;
  dir.write("empty", "\n");
  ConfigBuilder builder = with_genesys_secret("client_secret_file: " + (dir.path() / "missing").string());
  builder.remove("crm", "signing_secret")
      .add("crm", "signing_secret_file: " + (dir.path() / "empty").string());
  auto r = test::load_text(builder.yaml());
  ASSERT_EQ(r.errors.size(), 2u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].message, "genesys.client_secret_file: cannot read '" +
                                     (dir.path() / "missing").string() + "': No such file or directory");
  EXPECT_EQ(r.errors[0].line, builder.line_of("client_secret_file"));
  EXPECT_EQ(r.errors[1].message,
            "crm.signing_secret_file: '" + (dir.path() / "empty").string() + "' is empty");
}

TEST(Secrets, AFileWithoutEndIsRefusedUnread) {
  auto r = test::load_text(with_genesys_secret("client_secret_file: /dev/zero").yaml());
  EXPECT_FALSE(r.config);
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].message,
            "genesys.client_secret_file: '/dev/zero' is larger than 64 KiB; a secret is a few bytes");
}

TEST(Secrets, InlineAndFileTogetherIsAnError) {
  TempDir dir;
  auto file = dir.write("s", "other");
  ConfigBuilder builder;
  builder.add("genesys", "client_secret_file: " + file.string());
  auto r = test::load_text(builder.yaml());
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].message, "genesys: give client_secret or client_secret_file, not both");
  EXPECT_EQ(r.errors[0].line, builder.line_of("client_secret_file"));
}

TEST(Secrets, EmptyInlineSecretIsAnError) {
  auto r = test::load_text(with_genesys_secret("client_secret: \"\"").yaml());
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_EQ(r.errors[0].message, "genesys.client_secret: must not be empty");
}

TEST(Secrets, InlineSecretFromTheEnvironment) {
  auto r = test::load_text(with_genesys_secret("client_secret: ${GENESYS_SECRET}").yaml(),
                           FakeEnv().set("GENESYS_SECRET", "env-secret"));
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->genesys.client_secret, "env-secret");
}

TEST(Secrets, AdminTokenFileIsReadIntoTheToken) {
  TempDir credentials;
  credentials.write("admin-token", "bearer-token-value\n");
  auto r = test::load_text(ConfigBuilder().add("admin", "token_file: admin-token").yaml(),
                           FakeEnv().set("CREDENTIALS_DIRECTORY", credentials.path().string()));
  ASSERT_TRUE(r.config) << test::all_messages(r);
  EXPECT_EQ(r.config->admin.token, "bearer-token-value");

  auto disabled = test::load_text(ConfigBuilder().add("admin", "token_file: \"\"").yaml());
  ASSERT_TRUE(disabled.config) << test::all_messages(disabled);
  EXPECT_TRUE(disabled.config->admin.token.empty());
}

TEST(Secrets, RedisPasswordFromCredentialsDirectoryInlineOrNone) {
  TempDir credentials;
  credentials.write("redis-password", "redis-pass-value\n");
  auto from_file =
      test::load_text(ConfigBuilder().add("queue", "redis: {password_file: redis-password}").yaml(),
                      FakeEnv().set("CREDENTIALS_DIRECTORY", credentials.path().string()));
  ASSERT_TRUE(from_file.config) << test::all_messages(from_file);
  EXPECT_EQ(from_file.config->queue.redis_password, "redis-pass-value");

  auto inline_password =
      test::load_text(ConfigBuilder().add("queue", "redis: {password: inline-pass}").yaml());
  ASSERT_TRUE(inline_password.config) << test::all_messages(inline_password);
  EXPECT_EQ(inline_password.config->queue.redis_password, "inline-pass");

  auto none = test::load_text(ConfigBuilder().add("queue", "redis: {password_file: \"\"}").yaml());
  ASSERT_TRUE(none.config) << test::all_messages(none);
  EXPECT_TRUE(none.config->queue.redis_password.empty());
}

TEST(Secrets, RedisPasswordGivenTwiceIsRefusedWithoutEchoingIt) {
  TempDir credentials;
  credentials.write("redis-password", "redis-pass-value");
  auto r = test::load_text(
      ConfigBuilder().add("queue", "redis: {password: inline-pass, password_file: redis-password}").yaml(),
      FakeEnv().set("CREDENTIALS_DIRECTORY", credentials.path().string()));
  ASSERT_FALSE(r.config);
  ASSERT_EQ(r.errors.size(), 1u) << test::all_messages(r);
  EXPECT_NE(r.errors[0].str().find("give queue.redis.password or queue.redis.password_file, not both"),
            std::string::npos)
      << r.errors[0].str();
  EXPECT_GT(r.errors[0].line, 0);
  EXPECT_EQ(test::all_messages(r).find("pass-value"), std::string::npos);
  EXPECT_EQ(test::all_messages(r).find("inline-pass"), std::string::npos);
}

TEST(Secrets, NoMessageEverContainsASecret) {
  TempDir dir;
  auto file = dir.write("genesys-secret", std::string(test::kCrmSecret) + "\n");
  ConfigBuilder builder;
  // Every way a secret-bearing key can be wrong, at once.
  builder.add("genesys", "client_secret_file: " + file.string());  // given twice
  builder.remove("crm", "signing_secret");
  builder.add("crm", std::string("signing_secret: {value: ") + test::kCrmSecret + "}");  // not a single value
  builder.add("admin", "token_file: " + (dir.path() / "missing-token").string());
  auto r = test::load_text(builder.yaml());
  EXPECT_FALSE(r.config);
  EXPECT_EQ(r.errors.size(), 3u) << test::all_messages(r);
  const auto messages = test::all_messages(r);
  EXPECT_EQ(messages.find("s3cret"), std::string::npos) << messages;
}

}  // namespace
}  // namespace insightd
