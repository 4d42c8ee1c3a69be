-- Starts a text invitation as the contact's next audit line, once: attempt n after its last call.
-- The contact's attempts move to n, so erasure finds this line too; its state stays as it was.
-- KEYS: contact, attempt, audit list. ARGV: n, contactId, phone, timezone, localTime, atIso, channel.
-- Returns ok, or exists when that attempt was already made.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'gone' end
if redis.call('EXISTS', KEYS[2]) == 1 then return 'exists' end
local n = tonumber(ARGV[1])
if tonumber(redis.call('HGET', KEYS[1], 'attempts') or '0') ~= n - 1 then return 'exists' end
redis.call('HSET', KEYS[1], 'attempts', n)
redis.call('HSET', KEYS[2], 'contactId', ARGV[2], 'attempt', n, 'phone', ARGV[3], 'timezone', ARGV[4],
  'localTime', ARGV[5], 'at', ARGV[6], 'result', 'sending', 'channel', ARGV[7])
redis.call('RPUSH', KEYS[3], ARGV[2] .. ':' .. n)
return 'ok'
