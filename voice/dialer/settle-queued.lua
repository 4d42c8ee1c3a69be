-- /** A queued contact that will never be called (do-not-call list). KEYS: contact, counts. ARGV: to-state.
if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1])
redis.call('HINCRBY', KEYS[2], 'queued', -1)
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
return 1
