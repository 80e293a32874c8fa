-- Registers a new, distinct Avro schema on every request: record names carry the wrk thread and a counter.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = tid
end

function request()
  counter = counter + 1
  local name = string.format("r_%d_%d_%d", thread_id, counter, math.random(1, 1000000000))
  local body = string.format(
    '{"schema":"{\\"type\\":\\"record\\",\\"name\\":\\"%s\\",\\"fields\\":[{\\"name\\":\\"f\\",\\"type\\":\\"int\\"}]}"}',
    name)
  return wrk.format("POST", "/subjects/" .. name .. "/versions",
    {["Content-Type"] = "application/vnd.schemaregistry.v1+json"}, body)
end
