// SPDX-License-Identifier: Apache-2.0
#pragma once
// A fresh directory for one test, removed with everything in it afterwards.
// Under ctest it lives in $INSIGHTD_TEST_TMP (the build tree), else in /tmp.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace insightd::test {

class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("INSIGHTD_TEST_TMP");
    std::filesystem::path parent = base != nullptr ? base : std::filesystem::temp_directory_path();
    std::filesystem::create_directories(parent);
    std::string pattern = (parent / "insightd-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed in " + parent.string());
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `content` to `name` inside the directory and returns the full path.
  std::filesystem::path write(std::string_view name, std::string_view content) const {
    auto file = path_ / name;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + file.string());
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace insightd::test
