-- wrk script: each thread POSTs pre-generated, signed vote requests (path and form body), cycling through
-- them from its own offset. No response() hook, so wrk does not hand every body to Lua (that would take CPU
-- from the server on a 2-core machine); a completed response that is not an error status is a 200, a vote
-- acknowledged after its commit, because the vote endpoint answers nothing else in 2xx/3xx.
-- Arguments: REQUESTS_FILE THREADS [PART PARTS]. With several wrk processes (one per server), each is one PART of
-- PARTS and its threads start in their own share of the requests, so no two threads begin on the same subscribers.
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
  local threads_per_part = tonumber(args[2])
  local part, parts = tonumber(args[3] or "0"), tonumber(args[4] or "1")
  index = math.floor((part * threads_per_part + id) * #requests / (threads_per_part * parts))
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function done(summary, latency, requests)
  io.write(string.format("acknowledged_votes %d\n", summary.requests - summary.errors.status))
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  -- The latency distribution at every 0.1 %, in microseconds, so runs against several servers can be pooled.
  local quantiles = {}
  for i = 1, 1000 do quantiles[i] = string.format("%d", latency:percentile(i / 10)) end
  io.write("quantiles_us " .. table.concat(quantiles, " ") .. "\n")
end
