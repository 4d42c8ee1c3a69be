/** Partitions of a new keyspace, unless REDIS_PARTITIONS says otherwise. */
export const DEFAULT_PARTITIONS = 16;

/**
 * The only place that spells a Redis key. Every key starts with the configured prefix, so tests
 * share one server with a prefix each.
 *
 * Survey data is partitioned: a conversation belongs to partition `k = hash(id) mod P`, and every
 * key its turn touches (the response, transcript, steps, the partition's event stream, day
 * counters and indexes) carries the hash tag `{p<k>}`, so a turn is one script in one Redis
 * Cluster slot. Readers walk every partition (`partitionList`). Other keys of one thing (a
 * campaign, a web chat conversation) share a hash tag of their own.
 */
export interface Keys {
  readonly prefix: string;
  /** P, the number of partitions. */
  readonly partitions: number;
  /** 0 … P-1, for readers that walk every partition. */
  readonly partitionList: readonly number[];
  partitionOf: (responseId: string) => number;
  /** Where P is kept: it is fixed when the keyspace is first created. */
  keyspacePartitions: () => string;
  response: (id: string) => string;
  transcript: (id: string) => string;
  responseSteps: (id: string) => string;
  responsesByCreation: (partition: number) => string;
  responsesByCreationForChannel: (partition: number, channel: string) => string;
  responsesByScoreTime: (partition: number) => string;
  responsesOfCustomer: (partition: number, customerId: string) => string;
  responsesOfPhone: (partition: number, phone: string) => string;
  dailyCounters: (partition: number, day: string) => string;
  events: (partition: number) => string;
  doNotCall: () => string;
  retagProgress: () => string;
  retagLease: () => string;
  /** Creation time (ms) of the oldest chat the idle-chat closer still has to look at. */
  idleChatCursor: (partition: number) => string;
  optedOutCustomers: () => string;
  /** Supervisors' review: accounts, sessions (by the SHA-256 of the cookie), sign-in limiter prefix. */
  supervisor: (username: string) => string;
  supervisors: () => string;
  supervisorSession: (sessionHash: string) => string;
  signInLimiter: (kind: string) => string;
  /** rate-limiter-flexible's key prefix for one class of public route (`tokens`, `chat`, …) or the alert cap. */
  rateLimit: (kind: string) => string;
  /** Report roll-ups of a closed day (`D2026-11-01`) or month (`M2026-11`), built from the day counters. */
  reportRollup: (period: string, part: string) => string;
  /** Held by the instance closing days into roll-ups, so one does the work at a time. */
  reportCloserLease: () => string;
  /** agentId → the agent's latest display name, kept by the review consumer. */
  agentNames: () => string;
  /** Review queue: one item per response (shares the response's hash tag), its notes, open and closed indexes. */
  reviewItem: (responseId: string) => string;
  reviewItemNotes: (responseId: string) => string;
  reviewQueue: (state: 'open' | 'done') => string;
  /** Detractor webhook and digest: delivery log stream, BullMQ prefix, the marker of a digest already posted. */
  alertDeliveries: () => string;
  alertQueuePrefix: () => string;
  digestPosted: (day: string) => string;
  /** Web chat (our Direct Line endpoint): a token, by the SHA-256 of its text, names its conversation. */
  webChatToken: (tokenHash: string) => string;
  /** Web chat conversation: when it was opened; its activities (user's and bot's, in order) in the list below. */
  webChatConversation: (conversationId: string) => string;
  webChatActivities: (conversationId: string) => string;
  /** Web chat streaming: the pub/sub channel that announces a new activity to the conversation's open WebSockets on any instance. */
  webChatActivityChannel: (conversationId: string) => string;
  /** A WebSocket stream ticket (one use, one minute), by the SHA-256 of its text. */
  webChatStreamTicket: (ticketHash: string) => string;
  /** The client address (hashed) that opened a web chat conversation: its source for the flood caps. */
  webChatClient: (conversationId: string) => string;
  /** Flood caps: responses a source added lately (by time), the verdict kept per response, and the day's suppressed counts. */
  floodSource: (kind: string, sourceHash: string) => string;
  floodVerdict: (kind: string, responseId: string) => string;
  floodSuppressed: (day: string) => string;
  /** Robocaller campaigns: one campaign's keys share its hash tag, so its Lua scripts and MULTIs stay in one slot. */
  campaign: (campaignId: string) => string;
  campaignCounts: (campaignId: string) => string;
  campaignContact: (campaignId: string, contactId: string) => string;
  /** Contact ids in import order; the dialer's feeder walks it with a cursor kept on the campaign. */
  campaignFeed: (campaignId: string) => string;
  campaignAttempt: (campaignId: string, contactId: string, attempt: number) => string;
  /** The audit: `contactId:attempt` of every attempt, in the order they were made. */
  campaignAttempts: (campaignId: string) => string;
  /** Pacing: the next free call slot (ms) and the times of the latest calls. */
  campaignPace: (campaignId: string) => string;
  campaignRecentCalls: (campaignId: string) => string;
  campaignFeederLease: (campaignId: string) => string;
  /** One contact import in progress: the ids it stored, not yet in the feed (an unreadable upload adds none). */
  campaignImport: (campaignId: string, importId: string) => string;
  campaigns: () => string;
  runningCampaigns: () => string;
  /** Erasure on request: a campaign's contact ids imported with a phone number or a customer id (in the campaign's slot). */
  campaignContactsOfPhone: (campaignId: string, phone: string) => string;
  campaignContactsOfCustomer: (campaignId: string, customerId: string) => string;
  /** Per number: the attempt that holds the line (one call at a time) and its answered calls (30-day limit). */
  dialerLine: (phone: string) => string;
  answeredCalls: (phone: string) => string;
  /** Calls in progress across campaigns (attempt refs scored by lease expiry), for the concurrency cap. */
  callsInProgress: () => string;
  /** BullMQ prefix of the dialer's queues (one queue per campaign, named `dial-{campaignId}`). */
  dialerQueuePrefix: () => string;
  /** Text messages: the open response of one customer number with one of our numbers, on one channel (sms, whatsapp); keyed on the customer's number. */
  textConversation: (channel: string, ourNumber: string, customerPhone: string) => string;
  /** WhatsApp: present while the customer's 24-hour window is open (their last inbound message). */
  whatsappWindow: (customerPhone: string) => string;
  /** One inbound text by its MessageSid: taken once; a redelivery gets the same reply. */
  textMessage: (customerPhone: string, messageSid: string) => string;
  /** Survey after a contact: its decision (written once, SET NX) and what its sending did, under the contact's own hash tag. */
  contactSurvey: (contactId: string) => string;
  contactSurveySent: (contactId: string) => string;
  /** When a customer id or a number was last surveyed (`surveyId|ms`), across every channel: the fatigue rule. */
  lastSurveyedCustomer: (customerId: string) => string;
  lastSurveyedPhone: (phone: string) => string;
  /** Erasure on request: the contact ids whose survey decision holds this customer id or number. */
  contactSurveysOfCustomer: (customerId: string) => string;
  contactSurveysOfPhone: (phone: string) => string;
  /** BullMQ prefix of the survey-after-contact queue. */
  contactSurveyQueuePrefix: () => string;
}

/** FNV-1a (32 bits) of the id: cheap, stable across processes and versions, and evenly spread. */
export function partitionOf(responseId: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < responseId.length; index += 1) {
    hash ^= responseId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}

export function createKeys(prefix: string, partitions = DEFAULT_PARTITIONS): Keys {
  const tag = (partition: number): string => `${prefix}{p${partition}}`;
  const of = (id: string): string => tag(partitionOf(id, partitions));
  return {
    prefix,
    partitions,
    partitionList: Array.from({ length: partitions }, (_unused, partition) => partition),
    partitionOf: (id) => partitionOf(id, partitions),
    keyspacePartitions: () => `${prefix}keyspace:partitions`,
    response: (id) => `${of(id)}:resp:${id}`,
    transcript: (id) => `${of(id)}:resp:${id}:transcript`,
    responseSteps: (id) => `${of(id)}:resp:${id}:steps`,
    responsesByCreation: (partition) => `${tag(partition)}:idx:created`,
    responsesByCreationForChannel: (partition, channel) => `${tag(partition)}:idx:created:${channel}`,
    responsesByScoreTime: (partition) => `${tag(partition)}:idx:scored`,
    responsesOfCustomer: (partition, customerId) => `${tag(partition)}:idx:customer:${customerId}`,
    responsesOfPhone: (partition, phone) => `${tag(partition)}:idx:phone:${phone}`,
    dailyCounters: (partition, day) => `${tag(partition)}:counters:${day}`,
    events: (partition) => `${tag(partition)}:events`,
    doNotCall: () => `${prefix}dnc`,
    retagProgress: () => `${prefix}retag:progress`,
    retagLease: () => `${prefix}retag:lease`,
    idleChatCursor: (partition) => `${tag(partition)}:idle-chat:cursor`,
    optedOutCustomers: () => `${prefix}optout:customers`,
    supervisor: (username) => `${prefix}{supervisors}:supervisor:${username}`,
    supervisors: () => `${prefix}{supervisors}:all`,
    supervisorSession: (sessionHash) => `${prefix}session:${sessionHash}`,
    signInLimiter: (kind) => `${prefix}signin:${kind}`,
    rateLimit: (kind) => `${prefix}ratelimit:${kind}`,
    reportRollup: (period, part) => `${prefix}rollup:{${period}}:${part}`,
    reportCloserLease: () => `${prefix}rollup:closer:lease`,
    agentNames: () => `${prefix}agents:names`,
    reviewItem: (responseId) => `${prefix}review:{${responseId}}`,
    reviewItemNotes: (responseId) => `${prefix}review:{${responseId}}:notes`,
    reviewQueue: (state) => `${prefix}review:{queue}:${state}`,
    alertDeliveries: () => `${prefix}alerts:deliveries`,
    alertQueuePrefix: () => `${prefix}{alerts}`,
    digestPosted: (day) => `${prefix}digest:posted:${day}`,
    webChatToken: (tokenHash) => `${prefix}webchat:token:${tokenHash}`,
    webChatConversation: (conversationId) => `${prefix}webchat:{${conversationId}}`,
    webChatActivities: (conversationId) => `${prefix}webchat:{${conversationId}}:activities`,
    webChatActivityChannel: (conversationId) => `${prefix}webchat:{${conversationId}}:new`,
    webChatStreamTicket: (ticketHash) => `${prefix}webchat:stream:${ticketHash}`,
    webChatClient: (conversationId) => `${prefix}webchat:{${conversationId}}:client`,
    floodSource: (kind, sourceHash) => `${prefix}flood:${kind}:source:${sourceHash}`,
    floodVerdict: (kind, responseId) => `${prefix}flood:${kind}:verdict:{${responseId}}`,
    floodSuppressed: (day) => `${prefix}flood:suppressed:${day}`,
    campaign: (campaignId) => `${prefix}campaign:{${campaignId}}`,
    campaignCounts: (campaignId) => `${prefix}campaign:{${campaignId}}:counts`,
    campaignContact: (campaignId, contactId) => `${prefix}campaign:{${campaignId}}:contact:${contactId}`,
    campaignFeed: (campaignId) => `${prefix}campaign:{${campaignId}}:feed`,
    campaignAttempt: (campaignId, contactId, attempt) => `${prefix}campaign:{${campaignId}}:attempt:${contactId}:${attempt}`,
    campaignAttempts: (campaignId) => `${prefix}campaign:{${campaignId}}:attempts`,
    campaignPace: (campaignId) => `${prefix}campaign:{${campaignId}}:pace`,
    campaignRecentCalls: (campaignId) => `${prefix}campaign:{${campaignId}}:recent`,
    campaignFeederLease: (campaignId) => `${prefix}campaign:{${campaignId}}:feeder`,
    campaignImport: (campaignId, importId) => `${prefix}campaign:{${campaignId}}:import:${importId}`,
    campaigns: () => `${prefix}campaigns`,
    runningCampaigns: () => `${prefix}campaigns:running`,
    campaignContactsOfPhone: (campaignId, phone) => `${prefix}campaign:{${campaignId}}:contacts-of-phone:${phone}`,
    campaignContactsOfCustomer: (campaignId, customerId) => `${prefix}campaign:{${campaignId}}:contacts-of-customer:${customerId}`,
    dialerLine: (phone) => `${prefix}dialer:line:{${phone}}`,
    answeredCalls: (phone) => `${prefix}dialer:answered:{${phone}}`,
    callsInProgress: () => `${prefix}dialer:in-progress`,
    dialerQueuePrefix: () => `${prefix}{dialer}`,
    textConversation: (channel, ourNumber, customerPhone) => `${prefix}text:{${customerPhone}}:${channel}:${ourNumber}`,
    whatsappWindow: (customerPhone) => `${prefix}text:{${customerPhone}}:whatsapp-window`,
    textMessage: (customerPhone, messageSid) => `${prefix}text:{${customerPhone}}:message:${messageSid}`,
    contactSurvey: (contactId) => `${prefix}contact-survey:{${contactId}}`,
    contactSurveySent: (contactId) => `${prefix}contact-survey:{${contactId}}:sent`,
    lastSurveyedCustomer: (customerId) => `${prefix}last-surveyed:customer:{${customerId}}`,
    lastSurveyedPhone: (phone) => `${prefix}last-surveyed:phone:{${phone}}`,
    contactSurveysOfCustomer: (customerId) => `${prefix}contact-surveys-of:customer:{${customerId}}`,
    contactSurveysOfPhone: (phone) => `${prefix}contact-surveys-of:phone:{${phone}}`,
    contactSurveyQueuePrefix: () => `${prefix}{contacts}`,
  };
}
