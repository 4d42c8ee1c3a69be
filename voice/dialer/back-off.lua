-- /** Pushes the next slot out (Twilio trouble): nobody in the campaign calls before it. KEYS: pace. ARGV: ms.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
if tonumber(redis.call('GET', KEYS[1]) or '0') < until_ then redis.call('SET', KEYS[1], tostring(until_), 'PX', 86400000) end
return until_
