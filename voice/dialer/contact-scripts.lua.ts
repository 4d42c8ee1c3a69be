/**
 * Lua for the state of one contact and its attempts. Every script touches keys of one campaign
 * only (they share the campaign's hash tag), so each change is atomic and Cluster-safe.
 */

/**
 * Starts attempt n: records the marker (the audit line) before Twilio is asked, and moves the
 * contact from queued to dialing. KEYS: contact, counts, attempt, audit list.
 * ARGV: n, contactId, phone, timezone, localTime, atIso, startedMs (real clock).
 * Returns ok | gone | stale | the contact's state when it is not queued.
 */
export const CLAIM_ATTEMPT_LUA = `
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
`;

/**
 * Twilio accepted the call (or reconciliation found it): keeps the first CallSid and counts the
 * call once. KEYS: contact, attempt. ARGV: callSid. Returns the attempt's CallSid.
 */
export const RECORD_CALL_LUA = `
if redis.call('EXISTS', KEYS[2]) == 0 then return false end
local sid = redis.call('HGET', KEYS[2], 'callSid')
if not sid then
  redis.call('HSET', KEYS[2], 'callSid', ARGV[1])
  sid = ARGV[1]
end
if redis.call('HSETNX', KEYS[2], 'placed', '1') == 1 then redis.call('HINCRBY', KEYS[1], 'placed', 1) end
redis.call('HDEL', KEYS[2], 'unconfirmed')
return sid
`;

/**
 * Progress of a call that has not ended (ringing, answered, machine detected): never overwrites a
 * final result. KEYS: attempt. ARGV: result, answeredBy, callSid (each may be empty).
 */
export const NOTE_PROGRESS_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('HGET', KEYS[1], 'final') then return 0 end
if ARGV[1] ~= '' then redis.call('HSET', KEYS[1], 'result', ARGV[1]) end
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'answeredBy', ARGV[2]) end
if ARGV[3] ~= '' and not redis.call('HGET', KEYS[1], 'callSid') then redis.call('HSET', KEYS[1], 'callSid', ARGV[3]) end
return 1
`;

/**
 * The end of attempt n. The attempt's result is set once (later or repeated callbacks change
 * nothing); the contact moves only while it is dialing on this very attempt, to queued when a
 * retry is allowed, else to its final state, which it never leaves.
 * KEYS: contact, counts, attempt.
 * ARGV: 1 n, 2 result, 3 error, 4 endedAtIso, 5 callSid, 6 answeredBy, 7 retryable (1|0),
 *       8 apiFailure (1|0), 9 maxAttempts, 10 maxApiFailures, 11 dueAtMs.
 * Returns missing | duplicate | attempt-only | retry | final.
 */
export const FINISH_ATTEMPT_LUA = `
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
`;

/**
 * The person pressed the opt-out key during attempt n: the contact is opted out for good and the
 * attempt's result will say so. KEYS: contact, counts, attempt. Returns 1 when the contact moved.
 */
export const OPT_OUT_LUA = `
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('HSET', KEYS[3], 'optedOut', '1')
  if redis.call('HGET', KEYS[3], 'final') then redis.call('HSET', KEYS[3], 'result', 'optedOut') end
end
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= 'queued' and state ~= 'dialing' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'optedOut')
redis.call('HINCRBY', KEYS[2], state, -1)
redis.call('HINCRBY', KEYS[2], 'optedOut', 1)
return 1
`;

/** A queued contact that will never be called (do-not-call list). KEYS: contact, counts. ARGV: to-state. */
export const SETTLE_QUEUED_LUA = `
if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1])
redis.call('HINCRBY', KEYS[2], 'queued', -1)
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
return 1
`;

/** Twilio's answer to a create was lost (5xx, timeout): reconcile before any retry. KEYS: attempt. ARGV: error. */
export const MARK_UNCONFIRMED_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HGET', KEYS[1], 'final') or redis.call('HGET', KEYS[1], 'callSid') then return 0 end
redis.call('HSET', KEYS[1], 'unconfirmed', '1', 'error', ARGV[1])
return 1
`;

/**
 * The person asked for their data to be erased: the contact leaves whatever state it was in for
 * `erased` (a call in progress finishes as attempt-only) and loses its number, name and customer id.
 * KEYS: contact, counts. Returns the number of attempts made (their audit lines hold the number too),
 * or -1 when there is no such contact.
 */
export const ERASE_CONTACT_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local state = redis.call('HGET', KEYS[1], 'state') or 'queued'
if state ~= 'erased' then
  redis.call('HSET', KEYS[1], 'state', 'erased')
  redis.call('HINCRBY', KEYS[2], state, -1)
  redis.call('HINCRBY', KEYS[2], 'erased', 1)
end
redis.call('HDEL', KEYS[1], 'phone', 'name', 'customerId', 'dueAt')
return tonumber(redis.call('HGET', KEYS[1], 'attempts') or '0')
`;
