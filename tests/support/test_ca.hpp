// SPDX-License-Identifier: Apache-2.0
#pragma once
// A throwaway PKI made at test time with the openssl command line, in a fresh
// temporary directory removed when the last copy of the TestCa goes away:
//   ca_cert                   the trust anchor tests pass as ca_file
//   server_cert/server_key    signed by it, SAN DNS:localhost, IP:127.0.0.1
//   wrong_name_cert/_key      signed by it, SAN DNS:wrong-name.invalid only
//   other_ca_cert             an unrelated CA ("wrong CA" tests)
// EC P-256 keys keep creation fast (well under a second for all of it).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

namespace insightd::test {

struct TestCa {
  std::string dir;
  std::string ca_cert, ca_key;
  std::string server_cert, server_key;
  std::string wrong_name_cert, wrong_name_key;
  std::string other_ca_cert, other_ca_key;

  static TestCa create() {
    TestCa ca;
    ca.dir = make_temp_dir();
    ca.cleanup_ = std::shared_ptr<void>(nullptr, [dir = ca.dir](void*) {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    });
    ca.ca_cert = ca.path("ca.crt");
    ca.ca_key = ca.path("ca.key");
    ca.server_cert = ca.path("server.crt");
    ca.server_key = ca.path("server.key");
    ca.wrong_name_cert = ca.path("wrong_name.crt");
    ca.wrong_name_key = ca.path("wrong_name.key");
    ca.other_ca_cert = ca.path("other_ca.crt");
    ca.other_ca_key = ca.path("other_ca.key");

    ca.make_root(ca.ca_cert, ca.ca_key, "insightd test CA");
    ca.make_root(ca.other_ca_cert, ca.other_ca_key, "unrelated test CA");
    ca.make_leaf(ca.server_cert, ca.server_key, "localhost", "DNS:localhost,IP:127.0.0.1");
    ca.make_leaf(ca.wrong_name_cert, ca.wrong_name_key, "wrong-name.invalid", "DNS:wrong-name.invalid");
    return ca;
  }

  // One CA for the whole test binary: creating it costs a few openssl runs.
  static const TestCa& shared() {
    static const TestCa instance = create();
    return instance;
  }

 private:
  std::shared_ptr<void> cleanup_;

  std::string path(const std::string& name) const { return (std::filesystem::path(dir) / name).string(); }

  static std::string make_temp_dir() {
    std::filesystem::path base = std::filesystem::temp_directory_path();
    if (const char* tmp = std::getenv("INSIGHTD_TEST_TMP"); tmp && *tmp) base = tmp;
    std::filesystem::create_directories(base);
    std::string pattern = (base / "test-ca-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw std::runtime_error("TestCa: cannot create a directory under " + base.string());
    return pattern;
  }

  static std::string quoted(const std::string& s) { return "'" + s + "'"; }

  void run(const std::string& command) const {
    const std::string log = path("openssl.log");
    if (std::system((command + " >" + quoted(log) + " 2>&1").c_str()) != 0) {
      std::ifstream in(log);
      std::ostringstream out;
      out << in.rdbuf();
      throw std::runtime_error("TestCa: `" + command + "` failed:\n" + out.str());
    }
  }

  void make_root(const std::string& cert, const std::string& key, const std::string& name) const {
    run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj " +
        quoted("/CN=" + name) + " -keyout " + quoted(key) + " -out " + quoted(cert));
  }

  void make_leaf(const std::string& cert, const std::string& key, const std::string& name,
                 const std::string& san) const {
    const std::string csr = cert + ".csr", ext = cert + ".ext";
    std::ofstream(ext)
        << "subjectAltName=" << san
        << "\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n";
    run("openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj " + quoted("/CN=" + name) +
        " -keyout " + quoted(key) + " -out " + quoted(csr));
    run("openssl x509 -req -days 2 -in " + quoted(csr) + " -CA " + quoted(ca_cert) + " -CAkey " +
        quoted(ca_key) + " -CAcreateserial -extfile " + quoted(ext) + " -out " + quoted(cert));
  }
};

}  // namespace insightd::test
