-- The person pressed the opt-out key during attempt n: the contact is opted out for good and the
-- attempt's result will say so. KEYS: contact, counts, attempt. Returns 1 when the contact moved.
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('HSET', KEYS[3], 'optedOut', '1')
  if redis.call('HGET', KEYS[3], 'final') then redis.call('HSET', KEYS[3], 'result', 'optedOut') end
end
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= 'queued' and state ~= 'dialing' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'optedOut')
redis.call('HINCRBY', KEYS[2], state, -1)
redis.call('HINCRBY', KEYS[2], 'optedOut', 1)
return 1
