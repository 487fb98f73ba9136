-- wrk script of the day's traffic (bench/day.py). Arguments after `--`: the data file (a Lua
-- file returning {paths = {...}, cumulative = {...}}: the pages in rank order and their
-- cumulative Zipf weights), the header that says hit or miss (X-Page-Cache or X-Cache), and
-- optionally a second header counted on the responses that were not hits by the first (the
-- page cache behind Varnish). Each request picks a page by its weight; done() prints one JSON
-- line with the figures.
-- Readers' browsers accept gzip.
wrk.headers["Accept-Encoding"] = "gzip"
local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("id", count)
  table.insert(threads, thread)
end

function init(args)
  local data = dofile(args[1])
  paths = data.paths
  cumulative = data.cumulative
  total = cumulative[#cumulative]
  header = args[2]
  inner = args[3]
  math.randomseed(os.time() * 1000 + id)
  non2xx = 0
  hit = 0
  miss = 0
  pass = 0
  other = 0
  inner_hit = 0
end

function request()
  local u = math.random() * total
  local lo, hi = 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < u then
      lo = mid + 1
    else
      hi = mid
    end
  end
  return wrk.format(nil, paths[lo])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  local state = headers[header]
  if state == "hit" then
    hit = hit + 1
    return
  elseif state == "miss" then
    miss = miss + 1
  elseif state == "pass" then
    pass = pass + 1
  else
    other = other + 1
  end
  if inner and headers[inner] == "hit" then
    inner_hit = inner_hit + 1
  end
end

function done(summary, latency, requests)
  local sums = {non2xx = 0, hit = 0, miss = 0, pass = 0, other = 0, inner_hit = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(sums) do
      sums[name] = sums[name] + thread:get(name)
    end
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"p999_us": %d, "max_us": %d, "mean_us": %d, "non2xx": %d, "socket_errors": %d, ' ..
    '"hit": %d, ' ..
    '"miss": %d, "pass": %d, "other": %d, "inner_hit": %d}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean,
    sums.non2xx, errors.connect + errors.read + errors.write + errors.timeout,
    sums.hit, sums.miss, sums.pass, sums.other, sums.inner_hit
  ))
end
