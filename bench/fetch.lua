-- Subscribers: GET .../records of the consumer instances listed in PATHS_FILE (one path per line), in turn, with the
-- query and Accept given: wrk -t1 ... -s bench/fetch.lua URL -- PATHS_FILE QUERY ACCEPT
-- done() prints: RESULT requests/s p99-microseconds non-2xx socket-errors fetches-with-records requests
local paths = {}
local next_path = 0
local query, accept
local threads = {}
with_records = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      table.insert(paths, line)
    end
  end
  query = args[2]
  accept = args[3]
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path] .. "?" .. query, {["Accept"] = accept})
end

function response(status, headers, body)
  if status == 200 and #body > 2 then
    with_records = with_records + 1
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local fetched = 0
  for _, thread in ipairs(threads) do
    fetched = fetched + thread:get("with_records")
  end
  io.write(string.format("RESULT %.1f %d %d %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(99.0), e.status, e.connect + e.read + e.write + e.timeout, fetched, summary.requests))
end
