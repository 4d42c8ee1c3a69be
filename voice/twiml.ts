import twilio from 'twilio';

const { VoiceResponse } = twilio.twiml;

/** Seconds of silence after a key before Twilio submits what was keyed, so "1" then silence counts. */
export const KEYPAD_TIMEOUT_SECONDS = 5;

/** One thing the caller hears: text Twilio speaks, or a recording it plays from a URL. */
export type SpokenPart = { say: string } | { play: string };

export interface Voicing {
  /** BCP 47 locale for <Say> and speech recognition. */
  locale: string;
  /** Twilio's voice for <Say>; none leaves it to the account's default. */
  voice?: string | undefined;
}

export interface GatherPrompt extends Voicing {
  /** What is heard while Twilio waits: plain text to say, or parts in order. */
  speech: string | SpokenPart[];
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

function partsOf(speech: string | SpokenPart[]): SpokenPart[] {
  return typeof speech === 'string' ? [{ say: speech }] : speech;
}

function partsKey(parts: SpokenPart[]): string {
  return parts.map((part) => ('say' in part ? `s${part.say}` : `p${part.play}`)).join('\0');
}

export function gatherTwiml(prompt: GatherPrompt): string {
  const parts = partsOf(prompt.speech);
  return cached(`gather\0${prompt.input}\0${prompt.locale}\0${prompt.voice ?? ''}\0${prompt.action}\0${partsKey(parts)}`, () => renderGather(prompt, parts));
}

export function hangupTwiml(speech: string | SpokenPart[], locale: string, voice?: string): string {
  const parts = partsOf(speech);
  return cached(`hangup\0${locale}\0${voice ?? ''}\0${partsKey(parts)}`, () => renderHangup(parts, { locale, voice }));
}

type Speaker = Pick<twilio.twiml.VoiceResponse, 'say' | 'play'>;

function speak(into: Speaker, parts: SpokenPart[], voicing: Voicing): void {
  const sayAttributes = voicing.voice ? { language: voicing.locale as never, voice: voicing.voice as never } : { language: voicing.locale as never };
  for (const part of parts) {
    if ('say' in part) into.say(sayAttributes, part.say);
    else into.play(part.play);
  }
}

function renderGather(prompt: GatherPrompt, parts: SpokenPart[]): string {
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
  speak(gather, parts, prompt);
  return response.toString();
}

function renderHangup(parts: SpokenPart[], voicing: Voicing): string {
  const response = new VoiceResponse();
  speak(response, parts, voicing);
  response.hangup();
  return response.toString();
}

export interface MenuLine extends Voicing {
  say: string;
}

/** The inbound language menu: each line in its own language and voice, one keypad digit to choose. */
export function languageMenuTwiml(lines: MenuLine[], action: string): string {
  return cached(`menu\0${action}\0${lines.map((line) => `${line.locale}\0${line.voice ?? ''}\0${line.say}`).join('\0')}`, () => {
    const response = new VoiceResponse();
    const gather = response.gather({ input: ['dtmf'], numDigits: 1, action, method: 'POST', timeout: KEYPAD_TIMEOUT_SECONDS, actionOnEmptyResult: true });
    for (const line of lines) speak(gather, [{ say: line.say }], line);
    return response.toString();
  });
}
