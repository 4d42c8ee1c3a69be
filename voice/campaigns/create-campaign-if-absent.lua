-- Creates a campaign with a known id unless it exists; returns 1 when it created it.
-- KEYS: campaign hash, its counts. ARGV: field pairs of the campaign, then of the counts after a '--'.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local split = 0
for index = 1, #ARGV do
  if ARGV[index] == '--' then split = index end
end
redis.call('HSET', KEYS[1], unpack(ARGV, 1, split - 1))
redis.call('HSET', KEYS[2], unpack(ARGV, split + 1, #ARGV))
return 1
