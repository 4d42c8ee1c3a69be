-- Progress of a call that has not ended (ringing, answered, machine detected): never overwrites a
-- final result. KEYS: attempt. ARGV: result, answeredBy, callSid (each may be empty).
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('HGET', KEYS[1], 'final') then return 0 end
if ARGV[1] ~= '' then redis.call('HSET', KEYS[1], 'result', ARGV[1]) end
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'answeredBy', ARGV[2]) end
if ARGV[3] ~= '' and not redis.call('HGET', KEYS[1], 'callSid') then redis.call('HSET', KEYS[1], 'callSid', ARGV[3]) end
return 1
