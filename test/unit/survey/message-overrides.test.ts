import { describe, expect, it } from 'vitest';
import { surveyLanguage } from '../../../src/survey/messages/languages.js';
import { checkMessageOverrides, withOverrides } from '../../../src/survey/messages/message-overrides.js';

describe('message overrides', () => {
  it('when every language, key and placeholder is known, then they are kept and nothing is refused', () => {
    const checked = checkMessageOverrides({ hu: { thanks: 'Köszönjük, {businessName}!', scoreThanks: 'Kösz[, {customerName}]: {score}/10.' } });
    expect(checked.problems).toEqual([]);
    expect(checked.overrides).toEqual({ hu: { thanks: 'Köszönjük, {businessName}!', scoreThanks: 'Kösz[, {customerName}]: {score}/10.' } });
  });

  it('when a language, a key or a placeholder is unknown, or {score} is missing, then each is refused with a line naming it', () => {
    const checked = checkMessageOverrides({
      xx: { thanks: 'x' },
      lt: { thankz: 'Ačiū', greeting: 'Labas {firstName}!', scoreThanks: 'Ačiū!' },
      fa: { thanks: '' },
    });
    expect(checked.problems).toEqual([
      'xx: unknown language (known: en, es, de, fr, hu, lt, fa)',
      'lt.thankz: unknown message key',
      'lt.greeting: unknown placeholder {firstName} (this message may use {businessName}, {callbackNumber}, {customerName}, {agentName})',
      'lt.scoreThanks: missing {score}',
      'fa.thanks: must be a non-empty text of at most 2000 characters',
    ]);
    expect(checked.overrides).toEqual({ lt: {}, fa: {} });
  });

  it('when the file is not an object of objects, then it says what shape it wants', () => {
    expect(checkMessageOverrides(['hu']).problems).toEqual(['must be a JSON object: { "<lang>": { "<messageKey>": "text" } }']);
    expect(checkMessageOverrides({ hu: 'Szia' }).problems).toEqual(['hu: must be an object of message key → text']);
  });

  it('when a language is reworded, then the new text is written and spoken, later layers win, and other languages are untouched', () => {
    const hungarian = withOverrides(surveyLanguage('hu'), { hu: { thanks: 'A' } }, { hu: { thanks: 'B' } });
    expect(hungarian.messages.thanks).toEqual({ text: 'B' });
    expect(hungarian.messages.scoreQuestion).toBe(surveyLanguage('hu').messages.scoreQuestion);
    expect(withOverrides(surveyLanguage('en'), { hu: { thanks: 'A' } })).toBe(surveyLanguage('en'));
  });
});
