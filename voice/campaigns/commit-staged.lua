-- Moves up to ARGV[1] staged ids into the feed and counts them, atomically; returns how many.
-- KEYS: staging list, feed, counts, campaign.
local ids = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #ids == 0 then return 0 end
for first = 1, #ids, 1000 do
  redis.call('RPUSH', KEYS[2], unpack(ids, first, math.min(first + 999, #ids)))
end
redis.call('HINCRBY', KEYS[3], 'queued', #ids)
redis.call('HINCRBY', KEYS[4], 'contacts', #ids)
redis.call('LTRIM', KEYS[1], #ids, -1)
return #ids
