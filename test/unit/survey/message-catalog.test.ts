import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS } from '../../../src/survey/messages/message-catalog.js';
import { SURVEY_LANGUAGE_CODES, surveyLanguage } from '../../../src/survey/messages/languages.js';
import { renderMessage } from '../../../src/survey/render-message.js';

const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
const optionalSegments = (template: string): string[] => [...template.matchAll(/\[([^\][]*)\]/g)].map((m) => placeholders(m[1] ?? '').join(',')).sort();

describe('survey message catalogues', () => {
  it('when the languages are listed, then Lithuanian and Persian are among the seven', () => {
    expect([...SURVEY_LANGUAGE_CODES].sort()).toEqual(['de', 'en', 'es', 'fa', 'fr', 'hu', 'lt']);
    expect(surveyLanguage('lt-LT').voiceLocale).toBe('lt-LT');
    expect(surveyLanguage('fa').voiceLocale).toBe('fa-IR');
  });

  describe.each(SURVEY_LANGUAGE_CODES.filter((code) => code !== 'en'))('%s', (code) => {
    const language = surveyLanguage(code);
    const english = surveyLanguage('en');

    it('when each message is compared with English, then it has the same placeholders and optional segments, in chat and on the phone', () => {
      expect(language.code).toBe(code);
      expect(language.voiceLocale).toMatch(new RegExp(`^${code}-[A-Z]{2}$`));
      for (const key of MESSAGE_KEYS) {
        const message = language.messages[key];
        const source = english.messages[key];
        expect(message.text.trim(), `${code}.${key}`).not.toBe('');
        expect(placeholders(message.text), `${code}.${key} text`).toEqual(placeholders(source.text));
        expect(optionalSegments(message.text), `${code}.${key} text`).toEqual(optionalSegments(source.text));
        const speech = message.speech ?? message.text;
        const sourceSpeech = source.speech ?? source.text;
        expect(placeholders(speech), `${code}.${key} speech`).toEqual(placeholders(sourceSpeech));
        expect(optionalSegments(speech), `${code}.${key} speech`).toEqual(optionalSegments(sourceSpeech));
      }
    });

    it('when a message is rendered without the optional values, then no brackets or braces are left', () => {
      for (const key of MESSAGE_KEYS) {
        const rendered = renderMessage(language.messages[key], { businessName: 'Acme', score: 7, callbackNumber: '+1 555 0100' });
        expect(rendered.text, `${code}.${key}`).not.toMatch(/[[\]{}]/);
        expect(rendered.speech, `${code}.${key}`).not.toMatch(/[[\]{}]/);
      }
    });
  });

  it('when the Persian score is thanked for, then the number reads inside the Persian sentence', () => {
    expect(renderMessage(surveyLanguage('fa').messages.scoreThanks, { score: 7, customerName: 'مریم' }).text).toBe('سپاسگزاریم مریم: 7 از 10.');
    expect(renderMessage(surveyLanguage('lt').messages.scoreThanks, { score: 7 }).text).toBe('Ačiū: 7 iš 10.');
  });
});
