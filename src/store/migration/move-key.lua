-- Moves one key to its new name, atomically: a rename when the new name is free, else the old
-- value merged into the new one and the old key deleted, so running it again changes nothing.
-- KEYS: 1 old name, 2 new name
-- ARGV: 1 'add' to add up a hash's counters when both exist; anything else keeps the new fields
-- Returns 1 when it moved something, 0 when the old key was not there.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  return 1
end
local kind = redis.call('TYPE', KEYS[1])['ok']
if kind == 'zset' then
  redis.call('ZUNIONSTORE', KEYS[2], 2, KEYS[2], KEYS[1], 'AGGREGATE', 'MIN')
elseif kind == 'set' then
  redis.call('SUNIONSTORE', KEYS[2], KEYS[2], KEYS[1])
elseif kind == 'hash' then
  local fields = redis.call('HGETALL', KEYS[1])
  for i = 1, #fields, 2 do
    if ARGV[1] == 'add' then
      redis.call('HINCRBY', KEYS[2], fields[i], fields[i + 1])
    else
      redis.call('HSETNX', KEYS[2], fields[i], fields[i + 1])
    end
  end
elseif kind == 'list' then
  local items = redis.call('LRANGE', KEYS[1], 0, -1)
  for first = 1, #items, 1000 do
    redis.call('RPUSH', KEYS[2], unpack(items, first, math.min(first + 999, #items)))
  end
end
-- A string (or anything else) already under the new name is the newer value: keep it.
redis.call('DEL', KEYS[1])
return 1
