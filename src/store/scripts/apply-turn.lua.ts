/**
 * One survey turn in one round trip, atomically: refuses a step already applied (Twilio retries),
 * creates the response on its first turn, applies the answer, appends the transcript, appends an
 * event and bumps the day's report counters, so a response is counted once and never half-saved.
 *
 * KEYS: 1 response hash, 2 transcript list, 3 applied-steps hash, 4 event stream,
 *       5 creation index, 6 creation index of the channel, 7 score-time index, 8 today's counters,
 *       9 the customer's responses, 10 the phone number's responses (for erasure on request)
 * Text that people typed arrives JSON-encoded (`reasonJson`): cjson rejects lone surrogates, and the
 * reason is stored exactly as given.
 * ARGV: 1 change as JSON (see TurnChange in response-store.ts)
 * Returns: { outcome, response hash as a flat list } with outcome ok | duplicate | closed | missing;
 * after an ok change the hash only when `returnResponse` asks for it.
 */
export const APPLY_TURN_LUA = `
local change = cjson.decode(ARGV[1])
local id = change.id
local nowIso = change.nowIso
local nowMs = change.nowMs

local exists = redis.call('EXISTS', KEYS[1]) == 1
if not exists and type(change.create) ~= 'table' then
  return {'missing', {}}
end

if type(change.stepKey) == 'string' and change.stepKey ~= '' then
  if redis.call('HSETNX', KEYS[3], change.stepKey, nowIso) == 0 then
    return {'duplicate', redis.call('HGETALL', KEYS[1])}
  end
end

-- What the rest of the script reads of the response, in one read (a new response: from what it is created with).
local current = {}
if exists then
  local fields = redis.call('HMGET', KEYS[1], 'status', 'score', 'category', 'test', 'channel', 'agentId', 'campaignId')
  current = { status = fields[1], score = fields[2], category = fields[3], test = fields[4], channel = fields[5], agentId = fields[6], campaignId = fields[7] }
else
  local create = change.create
  current = { status = 'in_progress', test = create.test, channel = create.channel, agentId = create.agentId, campaignId = create.campaignId }
end

-- Field changes, written in one HSET at the end.
local updates = {}
local function put(name, value)
  updates[#updates + 1] = name
  updates[#updates + 1] = value
end

local isTest = current.test == '1'

local function orDash(value)
  if not value or value == '' then return '-' end
  return value
end
local dimension = orDash(current.channel) .. '|' .. orDash(current.agentId) .. '|' .. orDash(current.campaignId)

local function count(metric)
  if not isTest then
    redis.call('HINCRBY', KEYS[8], dimension .. '|' .. metric, 1)
  end
end

local function emit(eventType)
  redis.call('XADD', KEYS[4], 'MAXLEN', '~', '1000000', '*', 'type', eventType, 'id', id, 'at', nowIso)
end

if not exists then
  put('status', 'in_progress')
  put('createdAt', nowIso)
  for name, value in pairs(change.create) do
    put(name, tostring(value))
  end
  redis.call('ZADD', KEYS[5], nowMs, id)
  redis.call('ZADD', KEYS[6], nowMs, id)
  if change.indexCustomer then redis.call('SADD', KEYS[9], id) end
  if change.indexPhone then redis.call('SADD', KEYS[10], id) end
  count('started')
  emit('started')
end

local status = current.status
local terminal = status == 'completed' or status == 'partial' or status == 'abandoned' or status == 'opted_out'
-- A call's status callback can overtake the answer it carried, and a chat ended as idle can be taken
-- up again: a reason still completes a partial response, and a score still counts on an abandoned one.
local lateReason = status == 'partial' and type(change.event) == 'table' and change.event.type == 'reason'
local lateScore = status == 'abandoned' and type(change.event) == 'table' and change.event.type == 'score'
if terminal and not lateReason and not lateScore and (type(change.event) == 'table' or type(change.position) == 'table') then
  return {'closed', redis.call('HGETALL', KEYS[1])}
end

local event = change.event
if type(event) == 'table' then
  local hasScore = (current.score or '') ~= ''
  if event.type == 'score' then
    if not hasScore then
      put('score', tostring(event.score))
      put('category', event.category)
      put('scoredAt', nowIso)
      if not isTest then redis.call('ZADD', KEYS[7], nowMs, id) end
      count(event.category)
      emit('score')
      if lateScore then
        if not isTest then redis.call('HINCRBY', KEYS[8], dimension .. '|abandoned', -1) end
        -- A call is over by now, so it stays ended with its score; a chat goes on to the reason.
        if current.channel == 'voice' then
          put('status', 'partial')
          count('partial')
        else
          put('status', 'in_progress')
          redis.call('HDEL', KEYS[1], 'completedAt')
        end
      end
    end
  elseif event.type == 'reason' and hasScore then
    put('reason', event.reasonJson)
    put('tags', event.tagsJson)
    put('sentiment', event.sentiment)
    put('reasonLanguage', event.language)
    put('taggerVersion', event.taggerVersion)
    put('status', 'completed')
    put('completedAt', nowIso)
    count('completed')
    if lateReason and not isTest then redis.call('HINCRBY', KEYS[8], dimension .. '|partial', -1) end
    for _, tag in ipairs(event.tags) do count('tag:' .. tag .. ':' .. current.category) end
    emit('completed')
  elseif event.type == 'optedOut' then
    put('status', 'opted_out')
    put('completedAt', nowIso)
    count('optedOut')
    emit('opted_out')
  elseif event.type == 'ended' then
    local final = 'abandoned'
    if hasScore then final = 'partial' end
    put('status', final)
    put('completedAt', nowIso)
    count(final)
    emit(final)
  end
end

if type(change.position) == 'table' then
  put('step', change.position.step)
  put('attempt', tostring(change.position.attempt))
elseif change.ended == true then
  put('step', '')
  put('attempt', '0')
end

if type(change.set) == 'table' then
  for name, value in pairs(change.set) do put(name, tostring(value)) end
end

put('updatedAt', nowIso)
redis.call('HSET', KEYS[1], unpack(updates))

if type(change.turns) == 'table' and #change.turns > 0 then
  redis.call('RPUSH', KEYS[2], unpack(change.turns))
end
if change.returnResponse then return {'ok', redis.call('HGETALL', KEYS[1])} end
return {'ok', {}}
`;
