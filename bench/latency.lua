-- Prints one parseable line with the figures wrk does not print itself (p95).
-- A path with __N__ or __N7__ gets a random number from 1 to BENCH_MAX in each request
-- (__N7__ zero-padded to seven digits), so that every request asks for something else:
-- the figures of pages the cache cannot answer.
local max = tonumber(os.getenv("BENCH_MAX") or "1000")

init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  local path = wrk.path
  if path:find("__N") then
    local n = math.random(1, max)
    path = path:gsub("__N7__", string.format("%07d", n))
    path = path:gsub("__N__", tostring(n))
  end
  return wrk.format(nil, path)
end

done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d %d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), summary.errors.status))
end
