// SPDX-License-Identifier: Apache-2.0
// Audit sinks that write one JSON object per line (stdout, a FILE*, an ostream).
#include <boost/json/serialize.hpp>
#include <cerrno>
#include <mutex>
#include <ostream>

#include "insightd/observability/audit.hpp"

namespace insightd::observability {
namespace {

std::string json_line(const AuditRecord& record) {
  return boost::json::serialize(to_json(record)) + "\n";
}

class FileAuditSink final : public AuditSink {
 public:
  explicit FileAuditSink(std::FILE* file) : file_(file) {}

  boost::system::error_code write(const AuditRecord& record) override {
    const std::string line = json_line(record);
    std::lock_guard lock(mutex_);  // whole lines, even from two threads
    if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0)
      return {errno != 0 ? errno : EIO, boost::system::system_category()};
    return {};
  }

 private:
  std::FILE* file_;
  std::mutex mutex_;
};

class OstreamAuditSink final : public AuditSink {
 public:
  explicit OstreamAuditSink(std::ostream& out) : out_(out) {}

  boost::system::error_code write(const AuditRecord& record) override {
    const std::string line = json_line(record);
    std::lock_guard lock(mutex_);
    out_.write(line.data(), static_cast<std::streamsize>(line.size()));
    out_.flush();
    if (!out_) return {EIO, boost::system::system_category()};
    return {};
  }

 private:
  std::ostream& out_;
  std::mutex mutex_;
};

}  // namespace

std::unique_ptr<AuditSink> make_file_audit_sink(std::FILE* file) {
  return std::make_unique<FileAuditSink>(file);
}

std::unique_ptr<AuditSink> make_ostream_audit_sink(std::ostream& out) {
  return std::make_unique<OstreamAuditSink>(out);
}

}  // namespace insightd::observability
