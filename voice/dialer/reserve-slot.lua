-- Reserves the campaign's next call slot on Redis's clock: slots are `interval` apart, kept on
-- schedule while calls keep up, restarted from now after a lull (no catching up in a burst).
-- A slot further ahead than `maxAhead` is not taken (a job that cannot wait for it would waste it).
-- KEYS: pace. ARGV: intervalMs, maxAheadMs. Returns ms to wait until the reserved slot, or minus
-- the ms until the next slot when it was not taken.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = nextSlot
if nextSlot == 0 or now > nextSlot + interval then slot = now end
if slot - now > tonumber(ARGV[2]) then return now - slot end
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', 86400000)
if slot > now then return slot - now end
return 0
