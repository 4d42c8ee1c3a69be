-- Starts attempt n: records the marker (the audit line) before Twilio is asked, and moves the
-- contact from queued to dialing. KEYS: contact, counts, attempt, audit list.
-- ARGV: n, contactId, phone, timezone, localTime, atIso, startedMs (real clock).
-- Returns ok | gone | stale | the contact's state when it is not queued.
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'gone' end
if state ~= 'queued' then return state end
local n = tonumber(ARGV[1])
if tonumber(redis.call('HGET', KEYS[1], 'attempts') or '0') ~= n - 1 then return 'stale' end
if redis.call('EXISTS', KEYS[3]) == 1 then return 'stale' end
redis.call('HSET', KEYS[1], 'state', 'dialing', 'attempts', n)
redis.call('HDEL', KEYS[1], 'dueAt')
redis.call('HINCRBY', KEYS[2], 'queued', -1)
redis.call('HINCRBY', KEYS[2], 'dialing', 1)
redis.call('HSET', KEYS[3], 'contactId', ARGV[2], 'attempt', n, 'phone', ARGV[3], 'timezone', ARGV[4],
  'localTime', ARGV[5], 'at', ARGV[6], 'startedMs', ARGV[7], 'result', 'dialing')
redis.call('RPUSH', KEYS[4], ARGV[2] .. ':' .. n)
return 'ok'
