# The sources of insightd_config, relative to src/config; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_config_sources
  context.cpp
  duration.cpp
  enum_names.cpp
  intake_section.cpp
  loader.cpp
  regions.cpp
  schema.cpp
  secrets.cpp
  sections.cpp
  validate.cpp
  values.cpp
)
