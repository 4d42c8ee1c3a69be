-- The end of attempt n. The attempt's result is set once (later or repeated callbacks change
-- nothing); the contact moves only while it is dialing on this very attempt, to queued when a
-- retry is allowed, else to its final state, which it never leaves.
-- KEYS: contact, counts, attempt.
-- ARGV: 1 n, 2 result, 3 error, 4 endedAtIso, 5 callSid, 6 answeredBy, 7 retryable (1|0),
--       8 apiFailure (1|0), 9 maxAttempts, 10 maxApiFailures, 11 dueAtMs.
-- Returns missing | duplicate | attempt-only | retry | final.
if redis.call('EXISTS', KEYS[3]) == 0 then return 'missing' end
if redis.call('HGET', KEYS[3], 'final') then return 'duplicate' end
local result = ARGV[2]
if redis.call('HGET', KEYS[3], 'optedOut') then result = 'optedOut' end
-- A status from Twilio proves the call was placed, even when the create's answer was never recorded.
if ARGV[8] ~= '1' and redis.call('HSETNX', KEYS[3], 'placed', '1') == 1 then redis.call('HINCRBY', KEYS[1], 'placed', 1) end
redis.call('HSET', KEYS[3], 'final', '1', 'result', result, 'endedAt', ARGV[4])
redis.call('HDEL', KEYS[3], 'unconfirmed')
if ARGV[3] ~= '' then redis.call('HSET', KEYS[3], 'error', ARGV[3]) end
if ARGV[5] ~= '' and not redis.call('HGET', KEYS[3], 'callSid') then redis.call('HSET', KEYS[3], 'callSid', ARGV[5]) end
if ARGV[6] ~= '' then redis.call('HSET', KEYS[3], 'answeredBy', ARGV[6]) end
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= 'dialing' or tonumber(redis.call('HGET', KEYS[1], 'attempts') or '0') ~= tonumber(ARGV[1]) then
  return 'attempt-only'
end
if ARGV[8] == '1' then redis.call('HINCRBY', KEYS[1], 'apiFailures', 1) end
local nextState = result
if ARGV[7] == '1' and result ~= 'completed' and result ~= 'optedOut' then
  local canRetry
  if ARGV[8] == '1' then
    canRetry = tonumber(redis.call('HGET', KEYS[1], 'apiFailures') or '0') < tonumber(ARGV[10])
  else
    canRetry = tonumber(redis.call('HGET', KEYS[1], 'placed') or '0') < tonumber(ARGV[9])
  end
  if canRetry then
    nextState = 'queued'
    redis.call('HSET', KEYS[1], 'dueAt', ARGV[11])
  end
end
redis.call('HSET', KEYS[1], 'state', nextState)
redis.call('HINCRBY', KEYS[2], 'dialing', -1)
redis.call('HINCRBY', KEYS[2], nextState, 1)
if nextState == 'queued' then return 'retry' end
return 'final'
