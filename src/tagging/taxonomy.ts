/** Reason tags from shared/taxonomy.md. Ids are stable: reports and the outside contract use them. */
export const TAG_IDS = [
  'wait_time',
  'resolution',
  'agent_attitude',
  'agent_knowledge',
  'transfers',
  'process_friction',
  'price_billing',
  'product_quality',
  'self_service',
  'communication',
] as const;

export type TagId = (typeof TAG_IDS)[number];

export const SENTIMENTS = ['positive', 'negative', 'neutral'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export function isTagId(value: string): value is TagId {
  return (TAG_IDS as readonly string[]).includes(value);
}
