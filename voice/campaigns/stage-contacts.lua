-- Stores a batch of new contacts and lists their ids in the import's staging list. Every key is
-- the campaign's (one hash tag), so the batch is one atomic call in one slot.
-- KEYS: staging list, then per contact: its hash, its phone index, its customer index (the hash
-- again when it has no customer id). ARGV: staging TTL (s), then per contact: its id, the number of
-- field pairs, the pairs.
local ids = {}
local a = 2
local k = 2
while a <= #ARGV do
  local id = ARGV[a]
  local pairs = tonumber(ARGV[a + 1])
  redis.call('HSET', KEYS[k], unpack(ARGV, a + 2, a + 1 + 2 * pairs))
  a = a + 2 + 2 * pairs
  redis.call('SADD', KEYS[k + 1], id)
  if KEYS[k + 2] ~= KEYS[k] then redis.call('SADD', KEYS[k + 2], id) end
  ids[#ids + 1] = id
  k = k + 3
end
if #ids > 0 then
  redis.call('RPUSH', KEYS[1], unpack(ids))
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[1]))
end
return #ids
