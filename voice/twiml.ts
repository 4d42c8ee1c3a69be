import twilio from 'twilio';

const { VoiceResponse } = twilio.twiml;

/** Seconds of silence after a key before Twilio submits what was keyed, so "1" then silence counts. */
export const KEYPAD_TIMEOUT_SECONDS = 5;

export interface GatherPrompt {
  speech: string;
  /** BCP 47 locale for <Say> and speech recognition. */
  locale: string;
  /** Absolute URL under PUBLIC_URL. */
  action: string;
  /** `keys`: the keypad only (0-10 then #). `speech`: spoken answer, the keypad still works for the opt-out key. */
  input: 'keys' | 'speech';
}

/**
 * Rendered documents by their inputs. Most turns repeat a handful of prompts, and building the
 * document through twilio's XML builder is a measurable share of a webhook's CPU (docs/performance.md).
 * Bounded: personalised prompts (a customer's name) pass through and are evicted oldest first.
 */
const MAX_CACHED_DOCUMENTS = 500;
const cachedDocuments = new Map<string, string>();

function cached(key: string, render: () => string): string {
  const hit = cachedDocuments.get(key);
  if (hit !== undefined) return hit;
  const document = render();
  if (cachedDocuments.size >= MAX_CACHED_DOCUMENTS) cachedDocuments.delete(cachedDocuments.keys().next().value as string);
  cachedDocuments.set(key, document);
  return document;
}

export function gatherTwiml(prompt: GatherPrompt): string {
  return cached(`gather\0${prompt.input}\0${prompt.locale}\0${prompt.action}\0${prompt.speech}`, () => renderGather(prompt));
}

export function hangupTwiml(speech: string, locale: string): string {
  return cached(`hangup\0${locale}\0${speech}`, () => renderHangup(speech, locale));
}

function renderGather(prompt: GatherPrompt): string {
  const response = new VoiceResponse();
  const gather =
    prompt.input === 'keys'
      ? response.gather({ input: ['dtmf'], action: prompt.action, method: 'POST', finishOnKey: '#', timeout: KEYPAD_TIMEOUT_SECONDS, actionOnEmptyResult: true })
      : response.gather({
          input: ['speech', 'dtmf'],
          action: prompt.action,
          method: 'POST',
          finishOnKey: '#',
          timeout: KEYPAD_TIMEOUT_SECONDS,
          speechTimeout: 'auto',
          language: prompt.locale as never,
          actionOnEmptyResult: true,
        });
  gather.say({ language: prompt.locale as never }, prompt.speech);
  return response.toString();
}

function renderHangup(speech: string, locale: string): string {
  const response = new VoiceResponse();
  response.say({ language: locale as never }, speech);
  response.hangup();
  return response.toString();
}
