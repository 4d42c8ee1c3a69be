-- The person asked for their data to be erased: the contact leaves whatever state it was in for
-- `erased` (a call in progress finishes as attempt-only) and loses its number, name and customer id.
-- KEYS: contact, counts. Returns the number of attempts made (their audit lines hold the number too),
-- or -1 when there is no such contact.
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local state = redis.call('HGET', KEYS[1], 'state') or 'queued'
if state ~= 'erased' then
  redis.call('HSET', KEYS[1], 'state', 'erased')
  redis.call('HINCRBY', KEYS[2], state, -1)
  redis.call('HINCRBY', KEYS[2], 'erased', 1)
end
redis.call('HDEL', KEYS[1], 'phone', 'name', 'customerId', 'dueAt')
return tonumber(redis.call('HGET', KEYS[1], 'attempts') or '0')
