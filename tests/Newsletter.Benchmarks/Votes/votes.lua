-- wrk script: each connection POSTs pre-generated, signed vote requests (path and form body), cycling
-- through them from its own offset, and counts the 200 answers (a vote acknowledged after its commit).
local requests = {}
local index = 0
acknowledged = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
  for line in io.lines(args[1]) do
    local path, body = line:match("^(%S+) (%S+)$")
    requests[#requests + 1] = wrk.format("POST", path, headers, body)
  end
  index = math.floor(id * #requests / tonumber(args[2]))
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function response(status, headers, body)
  if status == 200 then acknowledged = acknowledged + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("acknowledged") end
  io.write(string.format("acknowledged_votes %d\n", total))
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
