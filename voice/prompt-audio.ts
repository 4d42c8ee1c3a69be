import { MESSAGE_KEYS, type MessageKey } from '../src/survey/messages/message-catalog.js';
import { SURVEY_LANGUAGE_CODES } from '../src/survey/messages/languages.js';
import type { RenderedText } from '../src/survey/render-message.js';
import { PromptRecordings } from './prompt-recordings.js';
import type { SpokenPart } from './twiml.js';
import { voiceFor, type VoiceOverrides } from './voices.js';

/** Messages only text channels send; a call never says them. */
const TEXT_ONLY_MESSAGES: ReadonlySet<MessageKey> = new Set(['smsInvitation', 'smsHelp', 'optedIn']);

export const SPOKEN_MESSAGES: readonly MessageKey[] = MESSAGE_KEYS.filter((key) => !TEXT_ONLY_MESSAGES.has(key));

/**
 * How a call sounds in each language: Twilio's voice for <Say>, and the deployment's recordings,
 * which <Play> instead wherever a message is the same for every caller.
 */
export class PromptAudio {
  constructor(
    private readonly publicUrl: string,
    private readonly recordings: PromptRecordings = new PromptRecordings(undefined),
    private readonly voices: VoiceOverrides = {},
  ) {}

  voice(language: string): string | undefined {
    return voiceFor(language, this.voices);
  }

  /** The replies as heard: a recording where one exists and the reply names nobody, else speech (consecutive speech in one <Say>). */
  parts(language: string, replies: RenderedText[]): SpokenPart[] {
    const parts: SpokenPart[] = [];
    for (const reply of replies) {
      const recording = reply.key && !reply.personal ? this.recordings.find(language, reply.key) : undefined;
      const last = parts[parts.length - 1];
      if (recording) parts.push({ play: `${this.publicUrl}${PromptRecordings.urlPath(recording)}` });
      else if (last && 'say' in last) last.say = `${last.say} ${reply.speech}`;
      else parts.push({ say: reply.speech });
    }
    return parts;
  }

  /** `fa/greeting`, … : spoken messages a call could only say in the account's default voice (no voice for the language, no recording). */
  unvoiced(): string[] {
    const missing: string[] = [];
    for (const language of SURVEY_LANGUAGE_CODES) {
      if (this.voice(language)) continue;
      for (const key of SPOKEN_MESSAGES) if (!this.recordings.find(language, key)) missing.push(`${language}/${key}`);
    }
    return missing;
  }
}
