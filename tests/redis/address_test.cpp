// SPDX-License-Identifier: Apache-2.0
#include "insightd/redis/address.hpp"

#include <gtest/gtest.h>

using insightd::redis::parse_address;

TEST(RedisAddress, DefaultsAndEveryPart) {
  auto plain = parse_address("redis://cache.internal");
  EXPECT_FALSE(plain.tls);
  EXPECT_EQ(plain.host, "cache.internal");
  EXPECT_EQ(plain.port, "6379");
  EXPECT_EQ(plain.db, 0);
  EXPECT_EQ(plain.user, "");

  auto full = parse_address("rediss://insightd@10.0.0.5:6380/3");
  EXPECT_TRUE(full.tls);
  EXPECT_EQ(full.user, "insightd");
  EXPECT_EQ(full.host_port(), "10.0.0.5:6380");
  EXPECT_EQ(full.db, 3);
  EXPECT_EQ(parse_address("redis://h:1/").db, 0);
}

TEST(RedisAddress, BadUrlsSayWhatIsWrong) {
  auto message = [](const char* url) {
    try {
      parse_address(url);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message("http://h:6379").find("redis:// or rediss://"), std::string::npos);
  EXPECT_NE(message("redis://h/abc").find("database number"), std::string::npos);
  EXPECT_NE(message("redis://h/-1").find("database number"), std::string::npos);
  EXPECT_NE(message("redis://u:secret@h").find("password_file"), std::string::npos);
  EXPECT_EQ(message("redis://u:secret@h").find("secret@"), std::string::npos);
  EXPECT_NE(message("redis://h:0").find("port"), std::string::npos);
  EXPECT_NE(message("redis://").find("host"), std::string::npos);
}
