import type { MessageKey, MessageText } from './messages/message-catalog.js';

export type MessageValues = Record<string, string | number | null | undefined>;

const OPTIONAL_SEGMENT = /\[([^\][]*)\]/g;
const PLACEHOLDER = /\{(\w+)\}/g;

function known(values: MessageValues, name: string): boolean {
  const value = values[name];
  return value !== undefined && value !== null && String(value).trim() !== '';
}

/** Fills `{name}` placeholders in one pass (values are never re-read as template) after dropping `[ … ]` segments whose values are unknown. */
export function fillTemplate(template: string, values: MessageValues): string {
  const kept = template.replace(OPTIONAL_SEGMENT, (_segment, inner: string) => {
    const names = [...inner.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
    return names.every((name) => known(values, name)) ? inner : '';
  });
  return kept.replace(PLACEHOLDER, (_placeholder, name: string) => (known(values, name) ? String(values[name]).trim() : ''));
}

export interface RenderedText {
  text: string;
  speech: string;
  /** The catalog message it came from: voice plays that message's recording when one exists. */
  key?: MessageKey;
  /** It names the person or their score, so no prerecorded audio can say it. */
  personal?: boolean;
}

/** Values that differ per conversation (or menu line): a message that fills one cannot be a prerecorded prompt. */
const PERSONAL_VALUES = ['customerName', 'agentName', 'score', 'digit'];

/** Whether filling `template` with `values` puts in a name or a score. */
export function fillsPersonalValue(template: string, values: MessageValues): boolean {
  return [...template.matchAll(PLACEHOLDER)].some((match) => PERSONAL_VALUES.includes(match[1] ?? '') && known(values, match[1] ?? ''));
}

/** The message written (with `values`) and spoken (with `speechValues`, which read numbers out digit by digit). */
export function renderMessage(message: MessageText, values: MessageValues, speechValues: MessageValues = values): RenderedText {
  const text = fillTemplate(message.text, values);
  const speech = message.speech ?? message.text;
  return { text, speech: speech === message.text && speechValues === values ? text : fillTemplate(speech, speechValues) };
}
