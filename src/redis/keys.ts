/**
 * The only place that spells a Redis key. Every key starts with the configured prefix, so tests
 * share one server with a prefix each. Keys of one conversation share a hash tag `{id}`.
 */
export interface Keys {
  readonly prefix: string;
  response(id: string): string;
  transcript(id: string): string;
  responseSteps(id: string): string;
  responsesByCreation(): string;
  responsesByCreationForChannel(channel: string): string;
  responsesByScoreTime(): string;
  responsesOfCustomer(customerId: string): string;
  responsesOfPhone(phone: string): string;
  dailyCounters(day: string): string;
  events(): string;
  botState(storageKey: string): string;
  conversationLock(conversationKey: string): string;
  doNotCall(): string;
  retagProgress(): string;
  retagLease(): string;
  optedOutCustomers(): string;
  /** Web chat (our Direct Line endpoint): a token, by the SHA-256 of its text, names its conversation. */
  webChatToken(tokenHash: string): string;
  /** Web chat conversation: when it was opened; its activities (user's and bot's, in order) in the list below. */
  webChatConversation(conversationId: string): string;
  webChatActivities(conversationId: string): string;
}

export function createKeys(prefix: string): Keys {
  return {
    prefix,
    response: (id) => `${prefix}resp:{${id}}`,
    transcript: (id) => `${prefix}resp:{${id}}:transcript`,
    responseSteps: (id) => `${prefix}resp:{${id}}:steps`,
    responsesByCreation: () => `${prefix}idx:created`,
    responsesByCreationForChannel: (channel) => `${prefix}idx:created:${channel}`,
    responsesByScoreTime: () => `${prefix}idx:scored`,
    responsesOfCustomer: (customerId) => `${prefix}idx:customer:${customerId}`,
    responsesOfPhone: (phone) => `${prefix}idx:phone:${phone}`,
    dailyCounters: (day) => `${prefix}counters:${day}`,
    events: () => `${prefix}events`,
    botState: (storageKey) => `${prefix}bot:${storageKey}`,
    conversationLock: (conversationKey) => `${prefix}lock:{${conversationKey}}`,
    doNotCall: () => `${prefix}dnc`,
    retagProgress: () => `${prefix}retag:progress`,
    retagLease: () => `${prefix}retag:lease`,
    optedOutCustomers: () => `${prefix}optout:customers`,
    webChatToken: (tokenHash) => `${prefix}webchat:token:${tokenHash}`,
    webChatConversation: (conversationId) => `${prefix}webchat:{${conversationId}}`,
    webChatActivities: (conversationId) => `${prefix}webchat:{${conversationId}}:activities`,
  };
}
