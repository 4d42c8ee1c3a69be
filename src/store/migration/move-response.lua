-- Moves one response from the layout before partitions into its partition, atomically: its hash,
-- transcript and steps are renamed (values and TTLs kept), and its places in the old creation,
-- channel, score-time, customer and phone indexes are copied to the partition's indexes. The old
-- indexes themselves are left for the end of the migration: the old creation index is what marks a
-- store as not migrated yet. A response moved before is not there any more ('gone').
--
-- KEYS: 1-3 old hash, transcript, steps; 4-6 new hash, transcript, steps;
--       7-11 old creation, channel creation, score-time, customer, phone indexes;
--       12-16 the partition's same indexes
-- ARGV: 1 the response id
-- Returns 'moved', 'gone' (nothing of it in the old layout) or 'conflict' (a new key is taken already).
local id = ARGV[1]
local found = false
for old = 1, 3 do
  if redis.call('EXISTS', KEYS[old]) == 1 then
    found = true
    if redis.call('EXISTS', KEYS[old + 3]) == 1 then return 'conflict' end
  end
end
if not found then return 'gone' end

for old = 1, 3 do
  if redis.call('EXISTS', KEYS[old]) == 1 then redis.call('RENAME', KEYS[old], KEYS[old + 3]) end
end
for index = 7, 9 do
  local score = redis.call('ZSCORE', KEYS[index], id)
  if score then redis.call('ZADD', KEYS[index + 5], score, id) end
end
for index = 10, 11 do
  if redis.call('SISMEMBER', KEYS[index], id) == 1 then redis.call('SADD', KEYS[index + 5], id) end
end
return 'moved'
