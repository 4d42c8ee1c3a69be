-- Replaces one response's tags and sentiment and moves its tag counters with them, atomically.
-- KEYS: 1 response hash, 2 the counters of the day the response was completed
-- ARGV: 1 new tags as JSON, 2 sentiment, 3 tagger version, then the new tag ids
-- Returns 0 when the response is gone or has no reason; else {1} for a response the counters leave
-- out (test, unscored), or {1, channel, agent, campaign, category, old tags as JSON} for a counted one,
-- so the caller can move the same counts in the day's roll-ups.
local fields = redis.call('HMGET', KEYS[1], 'reason', 'tags', 'category', 'test', 'channel', 'agentId', 'campaignId')
if not fields[1] or fields[1] == '' then return 0 end
local moved = {1}
local counted = fields[4] ~= '1' and fields[3] and fields[3] ~= ''
if counted then
  local agent = fields[6]
  if not agent or agent == '' then agent = '-' end
  local campaign = fields[7]
  if not campaign or campaign == '' then campaign = '-' end
  local dimension = (fields[5] or '-') .. '|' .. agent .. '|' .. campaign .. '|tag:'
  local ok, old = pcall(cjson.decode, fields[2] or '[]')
  if ok and type(old) == 'table' then
    for _, tag in ipairs(old) do redis.call('HINCRBY', KEYS[2], dimension .. tag .. ':' .. fields[3], -1) end
  end
  for index = 4, #ARGV do redis.call('HINCRBY', KEYS[2], dimension .. ARGV[index] .. ':' .. fields[3], 1) end
  moved = {1, fields[5] or '-', agent, campaign, fields[3], fields[2] or '[]'}
end
redis.call('HSET', KEYS[1], 'tags', ARGV[1], 'sentiment', ARGV[2], 'taggerVersion', ARGV[3])
return moved
