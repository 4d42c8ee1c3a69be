-- /** Twilio's answer to a create was lost (5xx, timeout): reconcile before any retry. KEYS: attempt. ARGV: error.
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HGET', KEYS[1], 'final') or redis.call('HGET', KEYS[1], 'callSid') then return 0 end
redis.call('HSET', KEYS[1], 'unconfirmed', '1', 'error', ARGV[1])
return 1
