import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { problemsOf } from './config-problems.js';

const directory = mkdtempSync(join(tmpdir(), 'survey-messages-'));

function fileWith(name: string, content: string): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

describe('SURVEY_MESSAGES_FILE and the other language settings at start-up', () => {
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('when the file is good, then its wording is in the configuration', () => {
    const config = loadConfig({ SURVEY_MESSAGES_FILE: fileWith('good.json', JSON.stringify({ fa: { thanks: 'ممنون!' } })) });
    expect(config.surveyMessages).toEqual({ fa: { thanks: 'ممنون!' } });
  });

  it('when the file has an unknown key, placeholder or language, or drops {score}, then start-up is refused with one line each', () => {
    const path = fileWith('bad.json', JSON.stringify({ de: { danke: 'Danke', greeting: 'Hallo {vorname}', scoreThanks: 'Danke!' }, ru: { thanks: 'Спасибо' } }));
    expect(problemsOf({ SURVEY_MESSAGES_FILE: path })).toEqual([
      'SURVEY_MESSAGES_FILE: de.danke: unknown message key',
      'SURVEY_MESSAGES_FILE: de.greeting: unknown placeholder {vorname} (this message may use {businessName}, {callbackNumber}, {customerName}, {agentName})',
      'SURVEY_MESSAGES_FILE: de.scoreThanks: missing {score}',
      'SURVEY_MESSAGES_FILE: ru: unknown language (known: en, es, de, fr, hu, lt, fa)',
    ]);
  });

  it('when the file is missing or not JSON, then start-up is refused saying which', () => {
    expect(problemsOf({ SURVEY_MESSAGES_FILE: join(directory, 'absent.json') })).toEqual(['SURVEY_MESSAGES_FILE: cannot be read']);
    expect(problemsOf({ SURVEY_MESSAGES_FILE: fileWith('broken.json', '{ "hu": ') })[0]).toMatch(/^SURVEY_MESSAGES_FILE: not valid JSON/);
  });

  it('when a voice or the language menu is malformed, or the menu names a language the survey lacks, then start-up is refused', () => {
    expect(problemsOf({ VOICE_HU: 'Robot 9000' })).toEqual(['VOICE_HU: must be a Twilio voice such as Polly.Joanna or Google.hu-HU-Standard-A']);
    expect(problemsOf({ VOICE_LANGUAGE_MENU: 'en,hungarian' })).toEqual(['VOICE_LANGUAGE_MENU: must be 1-9 comma-separated ISO 639-1 codes, e.g. en,hu,lt']);
    expect(problemsOf({ VOICE_LANGUAGE_MENU: 'en,ru,yi' })).toEqual(['VOICE_LANGUAGE_MENU: ru, yi not a survey language (known: en, es, de, fr, hu, lt, fa)']);
  });
});
