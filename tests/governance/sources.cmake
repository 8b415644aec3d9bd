# The tests of test_governance, relative to tests/governance; a new test file is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(test_governance_sources
  checksums_test.cpp
  freshness_test.cpp
  governance_test.cpp
  pii_classes_test.cpp
  pii_corpus_test.cpp
  pii_kinds_test.cpp
  pii_scanner_test.cpp
  upstream_text_test.cpp
)
