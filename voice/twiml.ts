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

export function gatherTwiml(prompt: GatherPrompt): string {
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

export function hangupTwiml(speech: string, locale: string): string {
  const response = new VoiceResponse();
  response.say({ language: locale as never }, speech);
  response.hangup();
  return response.toString();
}
