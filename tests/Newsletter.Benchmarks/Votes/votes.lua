-- wrk script: each thread POSTs pre-generated, signed vote requests (path and form body), cycling through
-- them from its own offset. No response() hook, so wrk does not hand every body to Lua (that would take CPU
-- from the server on a 2-core machine); a completed response that is not an error status is a 200, a vote
-- acknowledged after its commit, because the vote endpoint answers nothing else in 2xx/3xx.
local requests = {}
local index = 0
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
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

function done(summary, latency, requests)
  io.write(string.format("acknowledged_votes %d\n", summary.requests - summary.errors.status))
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
