-- wrk script for bench/load: the same agentassist page requests the daemon
-- sends (page 1 of a "-n200" interaction, maxResults=100: a 100-entity page),
-- spread over distinct interaction IDs, with the bearer token from the
-- environment (BENCH_TOKEN) so it never appears on a command line.
local token = os.getenv("BENCH_TOKEN")
local query = "?insightType=keyword&insightType=summary&insightType=sentiment&insightType=topic"
  .. "&confidenceThreshold=0&maxResults=100&sort=relevance&sortOrder=desc"
local counter = 0

function setup(thread)
  thread:set("offset", counter * 1000000)
  counter = counter + 1
end

function request()
  offset = offset + 1
  local path = string.format("/api/v2/agentassist/interactions/wrk-%08d-n200/insights%s", offset, query)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end
