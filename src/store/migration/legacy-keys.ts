import { legacyCreationIndex } from '../keyspace.js';

/**
 * The key names of the layout before partitions, as that code spelled them (commit bc7e058,
 * src/redis/keys.ts), for the keys whose names changed. Keys whose names did not change (review
 * items, web chat, flood caps, campaigns, sessions, …) stay where they are.
 */
export interface LegacyKeys {
  readonly prefix: string;
  response: (id: string) => string;
  transcript: (id: string) => string;
  responseSteps: (id: string) => string;
  /** `SCAN MATCH` pattern of every response, transcript and steps key. */
  responsePattern: () => string;
  /** The response id in a response, transcript or steps key; null for another key. */
  responseIdOf: (key: string) => string | null;
  responsesByCreation: () => string;
  responsesByCreationForChannel: (channel: string) => string;
  responsesByScoreTime: () => string;
  responsesOfCustomer: (customerId: string) => string;
  responsesOfPhone: (phone: string) => string;
  /** Every index above, by pattern (`idx:*`). */
  indexPattern: () => string;
  dailyCountersPattern: () => string;
  /** The day of a day-counter key. */
  dayOf: (key: string) => string;
  events: () => string;
  idleChatCursor: () => string;
  supervisor: (username: string) => string;
  supervisors: () => string;
  reviewQueue: (state: 'open' | 'done') => string;
  rollupPattern: () => string;
  campaignContactsOfPhonePattern: () => string;
  campaignContactsOfCustomerPattern: () => string;
  /** BullMQ prefixes: detractor alerts (`bull`) and the dialer's queues (`dialer:dial-*`). */
  alertQueuePattern: () => string;
  dialerQueuePattern: () => string;
}

/** Escapes what `SCAN MATCH` would read as a wildcard. */
export function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}

const RESPONSE_SUFFIXES = ['}:transcript', '}:steps', '}'] as const;

export function createLegacyKeys(prefix: string): LegacyKeys {
  const glob = globEscape(prefix);
  return {
    prefix,
    response: (id) => `${prefix}resp:{${id}}`,
    transcript: (id) => `${prefix}resp:{${id}}:transcript`,
    responseSteps: (id) => `${prefix}resp:{${id}}:steps`,
    responsePattern: () => `${glob}resp:{*`,
    responseIdOf: (key) => {
      const head = `${prefix}resp:{`;
      if (!key.startsWith(head)) return null;
      const suffix = RESPONSE_SUFFIXES.find((candidate) => key.endsWith(candidate));
      return suffix && key.length >= head.length + suffix.length ? key.slice(head.length, key.length - suffix.length) : null;
    },
    responsesByCreation: () => legacyCreationIndex(prefix),
    responsesByCreationForChannel: (channel) => `${prefix}idx:created:${channel}`,
    responsesByScoreTime: () => `${prefix}idx:scored`,
    responsesOfCustomer: (customerId) => `${prefix}idx:customer:${customerId}`,
    responsesOfPhone: (phone) => `${prefix}idx:phone:${phone}`,
    indexPattern: () => `${glob}idx:*`,
    dailyCountersPattern: () => `${glob}counters:*`,
    dayOf: (key) => key.slice(`${prefix}counters:`.length),
    events: () => `${prefix}events`,
    idleChatCursor: () => `${prefix}idle-chat:cursor`,
    supervisor: (username) => `${prefix}supervisor:${username}`,
    supervisors: () => `${prefix}supervisors`,
    reviewQueue: (state) => `${prefix}review:queue:${state}`,
    rollupPattern: () => `${glob}rollup:*`,
    campaignContactsOfPhonePattern: () => `${glob}campaign-contacts:phone:*`,
    campaignContactsOfCustomerPattern: () => `${glob}campaign-contacts:customer:*`,
    alertQueuePattern: () => `${glob}bull:*`,
    dialerQueuePattern: () => `${glob}dialer:dial-*`,
  };
}
