-- Moves counts of a built roll-up; a roll-up not built yet is left alone (it will be built from the
-- day counters, which already moved).
-- KEYS: 1 the period's totals hash
-- ARGV: 1 the field that marks it built, then field, delta pairs
-- Returns 1 when adjusted, 0 when not built.
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
for index = 2, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[index], tonumber(ARGV[index + 1])) end
return 1
