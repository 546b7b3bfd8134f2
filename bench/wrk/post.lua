-- wrk script for scripts/bench.sh: POST a fixed JSON body with HTTP Basic, optionally with a
-- unique Idempotency-Key on every request (so each request is a new create, never a replay).
--   BENCH_BODY_FILE    file holding the JSON body (required)
--   BENCH_AUTH         value of the Authorization header (e.g. "Basic c2FuZGJveC1t...")
--   BENCH_IDEMPOTENCY  "1" to send a unique Idempotency-Key per request
--   BENCH_RUN_TAG      makes keys unique across runs against the same database
-- done() prints one machine-readable line: WRK requests=... rps=... errors...

local function read_file(path)
  local f = assert(io.open(path, "rb"), "cannot open BENCH_BODY_FILE " .. tostring(path))
  local content = f:read("*a")
  f:close()
  return content
end

wrk.method = "POST"
wrk.body = read_file(os.getenv("BENCH_BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local auth = os.getenv("BENCH_AUTH")
if auth ~= nil and auth ~= "" then
  wrk.headers["Authorization"] = auth
end

local idempotency = os.getenv("BENCH_IDEMPOTENCY") == "1"
local tag = os.getenv("BENCH_RUN_TAG") or tostring(os.time())
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_no", next_thread)
end

if idempotency then
  local counter = 0
  local prefix = nil
  function request()
    if prefix == nil then
      prefix = "wrk-" .. tag .. "-" .. tostring(thread_no) .. "-"
    end
    counter = counter + 1
    wrk.headers["Idempotency-Key"] = prefix .. counter
    return wrk.format()
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "WRK requests=%d duration_s=%.2f rps=%.1f connect_errors=%d read_errors=%d write_errors=%d " ..
    "status_errors=%d timeouts=%d p50_ms=%.3f p99_ms=%.3f max_ms=%.3f\n",
    summary.requests, seconds, summary.requests / seconds, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
