-- One survey turn in one round trip, atomically: checks where the conversation is (compare-and-set
-- on its position, or a step key already applied: Twilio retries webhooks), refuses a turn past the
-- transcript caps, creates the response on its first turn, applies the answers, appends the
-- transcript, appends events to the stream and bumps the day's report counters, so a response is
-- counted once and never half-saved. Every check comes before the first write.
--
-- KEYS: 1 response hash, 2 transcript list, 3 applied-steps hash, 4 event stream,
--       5 creation index, 6 creation index of the channel, 7 score-time index, 8 today's counters,
--       9 the customer's responses, 10 the phone number's responses (for erasure on request)
-- ARGV: 1 the change as JSON (see TurnChange in response-store.ts). Text that people typed arrives
--       JSON-encoded (`reasonJson`): cjson rejects lone surrogates, and the reason is stored exactly.
-- Returns { outcome, response hash as a flat list }, outcome one of
--   ok | duplicate (step key already applied) | conflict (the position moved, or the response exists
--   when it was expected new) | closed (the survey is over) | full (past a transcript cap) | missing;
--   after an ok change the hash only when `returnResponse` asks for it.
local change = cjson.decode(ARGV[1])
local id = change.id
local nowIso = change.nowIso
local nowMs = change.nowMs

local function whole()
  return redis.call('HGETALL', KEYS[1])
end

local exists = redis.call('EXISTS', KEYS[1]) == 1
if change.expectNew and exists then return {'conflict', whole()} end
if not exists and type(change.create) ~= 'table' then return {'missing', {}} end

-- What the rest of the script reads of the response, in one read (a new response: what it is created with).
local current
if exists then
  local fields = redis.call('HMGET', KEYS[1], 'status', 'score', 'category', 'test', 'channel', 'agentId', 'campaignId', 'step', 'attempt', 'customerTextBytes')
  current = {
    status = fields[1], score = fields[2], category = fields[3], test = fields[4], channel = fields[5], agentId = fields[6],
    campaignId = fields[7], step = fields[8] or '', attempt = fields[9] or '', textBytes = tonumber(fields[10] or '0') or 0,
  }
else
  local create = change.create
  current = { status = 'in_progress', test = create.test, channel = create.channel, agentId = create.agentId, campaignId = create.campaignId, step = '', attempt = '', textBytes = 0 }
end

if type(change.expect) == 'table' and (current.step ~= change.expect.step or current.attempt ~= tostring(change.expect.attempt)) then
  return {'conflict', whole()}
end
if type(change.expectStatus) == 'string' and current.status ~= change.expectStatus then return {'conflict', whole()} end

local events = change.events or {}
local turns = change.turns or {}
local moves = #events > 0 or type(change.position) == 'table' or #turns > 0

local status = current.status
local terminal = status == 'completed' or status == 'partial' or status == 'abandoned' or status == 'opted_out'
-- A chat ended for being idle keeps its position: the person may come back and carry on.
local reopens = terminal and moves and current.step ~= ''
local first = events[1]
-- A call's status callback can overtake the answer it carried: a reason still completes a partial
-- response, and a score still counts on an abandoned one.
local lateReason = not reopens and status == 'partial' and first ~= nil and first.type == 'reason'
local lateScore = not reopens and status == 'abandoned' and first ~= nil and first.type == 'score'
if terminal and moves and not reopens and not lateReason and not lateScore then return {'closed', whole()} end

if #turns > 0 then
  if redis.call('LLEN', KEYS[2]) + #turns > change.maxTurns then return {'full', whole()} end
  if current.textBytes + (change.customerBytes or 0) > change.maxTextBytes then return {'full', whole()} end
end

if type(change.stepKey) == 'string' and change.stepKey ~= '' then
  if redis.call('HSETNX', KEYS[3], change.stepKey, nowIso) == 0 then return {'duplicate', whole()} end
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
local function count(metric, by)
  if not isTest then redis.call('HINCRBY', KEYS[8], dimension .. '|' .. metric, by or 1) end
end
local function emit(eventType)
  redis.call('XADD', KEYS[4], 'MAXLEN', '~', '1000000', '*', 'type', eventType, 'id', id, 'at', nowIso)
end

if not exists then
  put('status', 'in_progress')
  put('createdAt', nowIso)
  for name, value in pairs(change.create) do put(name, tostring(value)) end
  redis.call('ZADD', KEYS[5], nowMs, id)
  redis.call('ZADD', KEYS[6], nowMs, id)
  if change.indexCustomer then redis.call('SADD', KEYS[9], id) end
  if change.indexPhone then redis.call('SADD', KEYS[10], id) end
  count('started')
  emit('started')
end

if reopens then
  -- Taken up again: in progress once more, and no longer counted as ended.
  count(status, -1)
  status = 'in_progress'
  put('status', status)
  redis.call('HDEL', KEYS[1], 'completedAt')
end

local hasScore = (current.score or '') ~= ''
for _, event in ipairs(events) do
  if event.type == 'score' then
    if not hasScore then
      hasScore = true
      current.category = event.category
      put('score', tostring(event.score))
      put('category', event.category)
      put('scoredAt', nowIso)
      if not isTest then redis.call('ZADD', KEYS[7], nowMs, id) end
      count(event.category)
      emit('score')
      if lateScore then
        count('abandoned', -1)
        -- A call is over by now, so it stays ended with its score; a chat goes on to the reason.
        if current.channel == 'voice' then
          status = 'partial'
          count('partial')
        else
          status = 'in_progress'
          redis.call('HDEL', KEYS[1], 'completedAt')
        end
        put('status', status)
      end
    end
  elseif event.type == 'reason' and hasScore then
    put('reason', event.reasonJson)
    put('tags', event.tagsJson)
    put('sentiment', event.sentiment)
    put('reasonLanguage', event.language)
    put('taggerVersion', event.taggerVersion)
    put('completedAt', nowIso)
    count('completed')
    if lateReason then count('partial', -1) end
    status = 'completed'
    put('status', status)
    for _, tag in ipairs(event.tags) do count('tag:' .. tag .. ':' .. current.category) end
    emit('completed')
  elseif event.type == 'optedOut' then
    status = 'opted_out'
    put('status', status)
    put('completedAt', nowIso)
    count('optedOut')
    emit('opted_out')
  elseif event.type == 'ended' and status == 'in_progress' then
    status = 'abandoned'
    if hasScore then status = 'partial' end
    put('status', status)
    put('completedAt', nowIso)
    count(status)
    emit(status)
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

if #turns > 0 then
  redis.call('RPUSH', KEYS[2], unpack(turns))
  if (change.customerBytes or 0) > 0 then put('customerTextBytes', tostring(current.textBytes + change.customerBytes)) end
end

put('updatedAt', nowIso)
redis.call('HSET', KEYS[1], unpack(updates))

if change.returnResponse then return {'ok', whole()} end
return {'ok', {}}
