-- The fatigue rule for one customer id or number. KEYS[1]: its last-surveyed key, `surveyId|ms`.
-- ARGV: survey id, its time (ms), the shortest gap allowed (ms), how long to keep the key (ms).
-- Refuses (returns the holder's value) when another survey is within the gap; otherwise records
-- this one when it is the latest and returns nil. The same survey asking again is never refused.
local current = redis.call('GET', KEYS[1])
local at = tonumber(ARGV[2])
if current then
  local bar = string.find(current, '|', 1, true)
  local holder = string.sub(current, 1, bar - 1)
  local heldAt = tonumber(string.sub(current, bar + 1))
  if holder == ARGV[1] then return false end
  if math.abs(at - heldAt) < tonumber(ARGV[3]) then return current end
  if heldAt >= at then return false end
end
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'PX', ARGV[4])
return false
