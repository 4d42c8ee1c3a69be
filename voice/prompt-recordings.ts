import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MESSAGE_KEYS, type MessageKey } from '../src/survey/messages/message-catalog.js';
import { SURVEY_LANGUAGE_CODES } from '../src/survey/messages/languages.js';

/** Audio formats Twilio's <Play> takes, by file extension, with the content type they are served as. */
export const RECORDING_TYPES = { mp3: 'audio/mpeg', wav: 'audio/wav' } as const;
export type RecordingExtension = keyof typeof RECORDING_TYPES;

export interface Recording {
  language: string;
  key: MessageKey;
  extension: RecordingExtension;
  /** Absolute path on disk; never built from a request. */
  path: string;
}

const MESSAGE_KEY_SET: ReadonlySet<string> = new Set(MESSAGE_KEYS);

function filesIn(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}

/**
 * Prerecorded prompts, `PROMPTS_DIR/<lang>/<messageKey>.mp3` (or `.wav`), listed once at start-up.
 * Only files named after a survey language and a message key are known, and only known files are
 * ever served, so a request cannot reach any other path.
 */
export class PromptRecordings {
  private readonly byName = new Map<string, Recording>();

  constructor(directory: string | undefined) {
    if (!directory) return;
    const root = resolve(directory);
    for (const language of SURVEY_LANGUAGE_CODES) {
      for (const file of filesIn(join(root, language))) {
        const match = /^(\w+)\.(mp3|wav)$/.exec(file);
        if (!match || !MESSAGE_KEY_SET.has(match[1] ?? '')) continue;
        const path = join(root, language, file);
        if (!statSync(path).isFile()) continue;
        const key = match[1] as MessageKey;
        const extension = match[2] as RecordingExtension;
        // One recording per message: an .mp3 wins over a .wav of the same message.
        if (extension === 'wav' && this.byName.has(`${language}/${key}`)) continue;
        this.byName.set(`${language}/${key}`, { language, key, extension, path });
      }
    }
  }

  find(language: string, key: MessageKey): Recording | undefined {
    return this.byName.get(`${language}/${key}`);
  }

  /** The recording a request names as `<lang>/<key>.<ext>`, or undefined for anything else. */
  named(language: string, file: string): Recording | undefined {
    const match = /^(\w+)\.(mp3|wav)$/.exec(file);
    if (!match) return undefined;
    const recording = this.byName.get(`${language}/${match[1] ?? ''}`);
    return recording?.extension === match[2] ? recording : undefined;
  }

  /** The URL Twilio (and the simulator) fetch it from. */
  static urlPath(recording: Pick<Recording, 'language' | 'key' | 'extension'>): string {
    return `/voice/prompts/${recording.language}/${recording.key}.${recording.extension}`;
  }

  get size(): number {
    return this.byName.size;
  }
}
