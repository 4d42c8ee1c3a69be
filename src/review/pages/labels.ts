/** The words a supervisor reads for the values the store keeps (`opted_out` → "Opted out"). */

const STATUS: Record<string, string> = {
  in_progress: 'In progress',
  completed: 'Completed',
  partial: 'Score, no reason',
  abandoned: 'Abandoned',
  opted_out: 'Opted out',
};

const CHANNEL: Record<string, string> = {
  voice: 'Phone call',
  chat: 'Chat',
  sms: 'Text message',
  whatsapp: 'WhatsApp',
};

const TAG: Record<string, string> = {
  wait_time: 'Waiting time',
  resolution: 'Problem solved or not',
  agent_attitude: 'Agent attitude',
  agent_knowledge: 'Agent knowledge',
  transfers: 'Transfers',
  process_friction: 'Process and paperwork',
  price_billing: 'Price and billing',
  product_quality: 'Product quality',
  self_service: 'Self-service (website, app)',
  communication: 'Keeping customers informed',
};

const REVIEW_REASON: Record<string, string> = {
  detractor: 'Unhappy (0–6)',
  mismatch: 'Score and comment disagree',
};

const CATEGORY: Record<string, string> = { promoter: 'Promoter', passive: 'Passive', detractor: 'Detractor' };
const SENTIMENT: Record<string, string> = { positive: 'Positive', negative: 'Negative', neutral: 'Neutral' };
const ANSWERED_BY: Record<string, string> = { keys: 'keypad', speech: 'spoken', text: 'typed' };
const DELIVERY_OUTCOME: Record<string, string> = { delivered: 'Delivered', retrying: 'Will retry', failed: 'Failed', skipped: 'Skipped' };
const DELIVERY_KIND: Record<string, string> = { detractor: 'Unhappy customer', digest: 'Daily report' };

/** An id nobody named yet (a channel or tag added later) still reads as words: `video_call` → "Video call". */
export function humanise(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const lookup =
  (table: Record<string, string>) =>
  (value: string): string =>
    table[value] ?? humanise(value);

export const statusLabel = lookup(STATUS);
export const channelLabel = lookup(CHANNEL);
export const tagLabel = lookup(TAG);
export const reviewReasonLabel = lookup(REVIEW_REASON);
export const categoryLabel = lookup(CATEGORY);
export const sentimentLabel = lookup(SENTIMENT);
export const answeredByLabel = lookup(ANSWERED_BY);
export const deliveryOutcomeLabel = lookup(DELIVERY_OUTCOME);
export const deliveryKindLabel = lookup(DELIVERY_KIND);

/** The channels a filter offers, in this order. */
export const FILTER_CHANNELS = ['voice', 'chat', 'sms', 'whatsapp'] as const;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** `en` → "English", `pt-BR` → "Brazilian Portuguese"; the code itself when it is not a language tag. */
export function languageLabel(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
