import type twilio from 'twilio';

/** A voice name as Twilio's helper library lists it for <Say> (Polly.*, Google.*, man, woman, alice). */
type SayAttributes = Exclude<Parameters<twilio.twiml.VoiceResponse['say']>[0], string | undefined>;
export type TwilioVoice = NonNullable<SayAttributes['voice']>;

/**
 * The <Say> voice per survey language, each one Twilio documents for that language (the SayVoice
 * list in twilio-node, which follows Twilio's text-to-speech voice table). Persian (fa-IR) has
 * none: Twilio recognises Persian speech but does not speak it, so Persian calls need recordings.
 */
export const DOCUMENTED_VOICES: Readonly<Record<string, TwilioVoice>> = {
  en: 'Polly.Joanna',
  es: 'Polly.Lucia',
  de: 'Polly.Vicki',
  fr: 'Polly.Lea',
  hu: 'Google.hu-HU-Standard-A',
  lt: 'Google.lt-LT-Standard-A',
};

/** `VOICE_<LANG>` settings, by ISO 639-1 code: a deployment's choice wins over the documented default. */
export type VoiceOverrides = Readonly<Record<string, string | undefined>>;

/** The voice for a language, or undefined when Twilio has none and nobody set one. */
export function voiceFor(language: string, overrides: VoiceOverrides = {}): string | undefined {
  return overrides[language] ?? DOCUMENTED_VOICES[language];
}
