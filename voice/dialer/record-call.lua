-- Twilio accepted the call (or reconciliation found it): keeps the first CallSid and counts the
-- call once. KEYS: contact, attempt. ARGV: callSid. Returns the attempt's CallSid.
if redis.call('EXISTS', KEYS[2]) == 0 then return false end
local sid = redis.call('HGET', KEYS[2], 'callSid')
if not sid then
  redis.call('HSET', KEYS[2], 'callSid', ARGV[1])
  sid = ARGV[1]
end
if redis.call('HSETNX', KEYS[2], 'placed', '1') == 1 then redis.call('HINCRBY', KEYS[1], 'placed', 1) end
redis.call('HDEL', KEYS[2], 'unconfirmed')
return sid
