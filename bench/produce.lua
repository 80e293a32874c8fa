-- One produce request, the same on every call: wrk ... -s bench/produce.lua URL -- CONTENT_TYPE BODY_FILE
-- done() prints one line for bench/rest.sh: RESULT requests/s p99-microseconds non-2xx socket-errors requests
local request_bytes

function init(args)
  local file = assert(io.open(args[2], "rb"))
  local body = file:read("*a")
  file:close()
  request_bytes = wrk.format("POST", nil,
    {["Content-Type"] = args[1], ["Accept"] = "application/vnd.kafka.v2+json"}, body)
end

function request()
  return request_bytes
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %d %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(99.0), e.status, e.connect + e.read + e.write + e.timeout, summary.requests))
end
