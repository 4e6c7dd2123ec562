local items, users = {}, {}
-- Mixed partner traffic for soak.sh: 45% item reads, 35% recommendations, 12% single feedback, 5% feedback
-- batches of two, 3% user upserts. Reads items.txt, users.txt and key from the working directory.
for line in io.lines("items.txt") do items[#items+1] = line end
for line in io.lines("users.txt") do users[#users+1] = line end
local key = io.open("key"):read("*l")
local counter = 0
local threads = {}
setup = function(thread) thread:set("id", math.random(1000000)); table.insert(threads, thread) end
fives = 0
fours = 0
request = function()
  counter = counter + 1
  local r = math.random(100)
  local h = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
  local item = items[math.random(#items)]
  local user = users[math.random(#users)]
  if r <= 45 then
    return wrk.format("GET", "/api/v1/items/" .. item, h)
  elseif r <= 80 then
    return wrk.format("GET", "/api/v1/users/" .. user .. "/recommendations?n=10", h)
  elseif r <= 92 then
    local body = string.format('{"userId":"%s","itemId":"%s","type":"CLICK","idempotencyKey":"soak-%d-%d"}', user, item, id, counter)
    return wrk.format("POST", "/api/v1/feedback", h, body)
  elseif r <= 97 then
    local body = string.format('{"events":[{"userId":"%s","itemId":"%s","type":"VIEW","idempotencyKey":"soakb-%d-%d-1"},{"userId":"%s","itemId":"%s","type":"LIKE","idempotencyKey":"soakb-%d-%d-2"}]}', user, item, id, counter, user, items[math.random(#items)], id, counter)
    return wrk.format("POST", "/api/v1/feedback/batch", h, body)
  else
    local body = string.format('{"preferenceText":"soak user %d"}', counter)
    return wrk.format("PUT", "/api/v1/users/soak-" .. id .. "-" .. (counter % 50), h, body)
  end
end
response = function(status, headers, body)
  if status >= 500 then fives = fives + 1 elseif status >= 400 then fours = fours + 1 end
end
done = function(summary, latency, requests)
  local f5, f4 = 0, 0
  for _, t in ipairs(threads) do f5 = f5 + t:get("fives"); f4 = f4 + t:get("fours") end
  io.write(string.format("5xx %d, 4xx %d\n", f5, f4))
  io.write(string.format("errors: status %d connect %d read %d timeout %d; p50 %.2f ms p99 %.2f ms\n", summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.timeout, latency:percentile(50)/1000, latency:percentile(99)/1000))
end
