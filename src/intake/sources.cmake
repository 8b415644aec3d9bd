# The sources of insightd_intake, relative to src/intake; a new .cpp is listed here
# (tests/operator/check-sources-listed.sh fails on one that is not).
set(insightd_intake_sources
  analytics.cpp
  assistants.cpp
  conversation.cpp
  intake.cpp
  live_path.cpp
  notification.cpp
  redis_leadership.cpp
  status.cpp
  topics.cpp
  upstream.cpp
)
