-- The hard limit, checked on the instant of the call: at most `perSecond` calls in any span of
-- `spanMs`. Records the call and returns 0, or returns ms to wait. KEYS: recent calls. ARGV: perSecond, spanMs.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local perSecond = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
local oldest = redis.call('LINDEX', KEYS[1], perSecond - 1)
if oldest and now < tonumber(oldest) + span then return tonumber(oldest) + span - now end
redis.call('LPUSH', KEYS[1], now)
redis.call('LTRIM', KEYS[1], 0, perSecond - 1)
redis.call('PEXPIRE', KEYS[1], 86400000)
return 0
