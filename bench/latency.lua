-- Prints one parseable line with the figures wrk does not print itself (p95).
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d %d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), summary.errors.status))
end
