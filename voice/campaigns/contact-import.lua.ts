/**
 * Lua for a contact import. Staging a batch is one script call rather than three commands per
 * contact: a million-row upload is mostly this.
 */

/**
 * Stores a batch of new contacts and lists their ids in the import's staging list.
 * KEYS: staging list, then per contact: its hash, its phone index, its customer index (the hash
 * again when it has no customer id). ARGV: campaign id, staging TTL (s), then per contact: its id,
 * the number of field pairs, the pairs.
 */
export const STAGE_CONTACTS_LUA = `
local campaign = ARGV[1]
local ids = {}
local a = 3
local k = 2
while a <= #ARGV do
  local id = ARGV[a]
  local pairs = tonumber(ARGV[a + 1])
  redis.call('HSET', KEYS[k], unpack(ARGV, a + 2, a + 1 + 2 * pairs))
  a = a + 2 + 2 * pairs
  local ref = campaign .. ':' .. id
  redis.call('SADD', KEYS[k + 1], ref)
  if KEYS[k + 2] ~= KEYS[k] then redis.call('SADD', KEYS[k + 2], ref) end
  ids[#ids + 1] = id
  k = k + 3
end
if #ids > 0 then
  redis.call('RPUSH', KEYS[1], unpack(ids))
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
end
return #ids
`;

/**
 * Moves up to ARGV[1] staged ids into the feed and counts them, atomically; returns how many.
 * KEYS: staging list, feed, counts, campaign.
 */
export const COMMIT_STAGED_LUA = `
local ids = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #ids == 0 then return 0 end
for first = 1, #ids, 1000 do
  redis.call('RPUSH', KEYS[2], unpack(ids, first, math.min(first + 999, #ids)))
end
redis.call('HINCRBY', KEYS[3], 'queued', #ids)
redis.call('HINCRBY', KEYS[4], 'contacts', #ids)
redis.call('LTRIM', KEYS[1], #ids, -1)
return #ids
`;
