import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateTagger } from '../../../bench/tagging/evaluate.js';
import { readLabelled } from '../../../src/tagging/labelled-data.js';
import { getTagger, type ReasonTagger } from '../../../src/tagging/tagger.js';
import { isTagId } from '../../../src/tagging/taxonomy.js';

let tagger: ReasonTagger;

beforeAll(() => {
  tagger = getTagger();
});

describe('reason tagger on the held-out test split', () => {
  it('when the test reasons are tagged, then macro-F1 is at least 0.85 in English and 0.75 in es, de, fr and hu', () => {
    for (const result of evaluateTagger(tagger, readLabelled('test'))) {
      expect(result.macroF1, result.lang).toBeGreaterThanOrEqual(result.lang === 'en' ? 0.85 : 0.75);
    }
  });

  it('when the test reasons are tagged, then sentiment is right for at least 85% in every language', () => {
    for (const result of evaluateTagger(tagger, readLabelled('test'))) {
      expect(result.sentimentAccuracy, result.lang).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('when the test reasons are tagged without their scores, then sentiment is still right for at least 80%', () => {
    for (const result of evaluateTagger(tagger, readLabelled('test'), false)) {
      expect(result.sentimentAccuracy, result.lang).toBeGreaterThanOrEqual(0.8);
    }
  });
});

describe('reason tagger behaviour', () => {
  it('when it is asked twice, then the same tagger with a version comes back', () => {
    expect(getTagger()).toBe(tagger);
    expect(tagger.version).toMatch(/^reasons-[0-9a-f]{12}$/);
  });

  it.each([
    ['nothing', 'en'], ['all good', 'en'], ['No complaints', 'en'], ['nada', 'es'], ['todo bien', 'es'], ['alles gut', 'de'], ['nichts', 'de'],
    ['rien', 'fr'], ['tout va bien', 'fr'], ['semmi', 'hu'], ['minden rendben', 'hu'], ['nieko', 'lt'], ['viskas gerai', 'lt'],
    ['هیچی', 'fa'], ['همه چیز خوب بود', 'fa'],
  ])('when the reason is %j, then it gets no tags', (text, lang) => {
    expect(tagger.tag(text, { lang }).tags).toEqual([]);
  });

  it.each([
    ['not rude at all, very calm', 'en', 'agent_attitude', 'positive'],
    ['no wait at all', 'en', 'wait_time', 'positive'],
    ['solved on the first call', 'en', 'resolution', 'positive'],
    ['very friendly', 'en', 'agent_attitude', 'positive'],
    ['great, only 2 hours on hold', 'en', 'wait_time', 'negative'],
    ['the agent was rude', 'en', 'agent_attitude', 'negative'],
    ['nada borde, muy atenta', 'es', 'agent_attitude', 'positive'],
    ['genial, solo dos horas de espera', 'es', 'wait_time', 'negative'],
    ['überhaupt keine Wartezeit', 'de', 'wait_time', 'positive'],
    ['ich wurde dreimal weiterverbunden', 'de', 'transfers', 'negative'],
    ["génial, seulement deux heures d'attente", 'fr', 'wait_time', 'negative'],
    ['la facture est fausse', 'fr', 'price_billing', 'negative'],
    ['egyáltalán nem volt udvariatlan', 'hu', 'agent_attitude', 'positive'],
    ['kétszer vonták le a díjat', 'hu', 'price_billing', 'negative'],
    ['visai ne nemandagus, labai kantrus', 'lt', 'agent_attitude', 'positive'],
    ['mane perjungė tris kartus', 'lt', 'transfers', 'negative'],
    ['puiku, tik valanda laukimo linijoje', 'lt', 'wait_time', 'negative'],
    ['اصلاً بداخلاق نبود، خیلی صبور بود', 'fa', 'agent_attitude', 'positive'],
    ['دو بار از حسابم پول برداشتند', 'fa', 'price_billing', 'negative'],
    ['یک ساعت پشت خط منتظر ماندم', 'fa', 'wait_time', 'negative'],
  ])('when the reason is %j (%s), then it is tagged %s and %s', (text, lang, tag, sentiment) => {
    const result = tagger.tag(text, { lang });
    expect(result.tags).toContain(tag);
    expect(result.sentiment).toBe(sentiment);
  });

  it.each([
    ['a callback option would be nice', 'en'], ['maybe add a WhatsApp line?', 'en'], ['un chat en la web sería útil', 'es'],
    ['eine App für den Reparaturstatus wäre schön', 'de'], ['jó lenne egy chat a honlapon', 'hu'], ['būtų patogu turėti pokalbių langą svetainėje', 'lt'],
    ['اگر چت آنلاین داشتید خوب می‌شد', 'fa'],
  ])('when the reason %j (%s) is a suggestion, then it is neutral', (text, lang) => {
    expect(tagger.tag(text, { lang }).sentiment).toBe('neutral');
  });

  it.each([
    ['super friendly and fixed it fast', 'en'], ['muy amable y lo arregló rápido', 'es'], ['super freundlich und schnell behoben', 'de'],
    ['très sympa et réparé vite', 'fr'], ['nagyon kedves volt és gyorsan megjavította', 'hu'], ['labai malonus ir greitai sutaisė', 'lt'],
    ['خیلی مهربان بود و سریع درستش کرد', 'fa'],
  ])('when the reason %j (%s) praises a fast fix, then it is resolution and not a wait-time complaint', (text, lang) => {
    const result = tagger.tag(text, { lang });
    expect(result.tags).toContain('resolution');
    expect(result.tags).not.toContain('wait_time');
    expect(result.sentiment).toBe('positive');
  });

  it('when a reason names several problems, then it gets several tags', () => {
    const result = tagger.tag('I was transferred three times and nobody knew the answer', { lang: 'en' });
    expect(result.tags).toEqual(expect.arrayContaining(['transfers', 'agent_knowledge']));
  });

  it('when a promoter complains, then the text decides and the sentiment is negative', () => {
    expect(tagger.tag('the agent was rude and I waited an hour', { lang: 'en', score: 9 }).sentiment).toBe('negative');
  });

  it('when a detractor praises the agent, then the text decides and the sentiment is positive', () => {
    expect(tagger.tag('the lady on the phone was lovely and very patient', { lang: 'en', score: 3 }).sentiment).toBe('positive');
  });

  it('when the reason is empty or has no words, then there are no tags and the sentiment is neutral', () => {
    expect(tagger.tag('', { score: 2 })).toEqual({ tags: [], sentiment: 'neutral', lang: 'und' });
    expect(tagger.tag('...', { lang: 'en', score: 10 })).toEqual({ tags: [], sentiment: 'neutral', lang: 'en' });
  });

  it('when no language is given, then it is detected and reported', () => {
    expect(tagger.tag('die Wartezeit war viel zu lang').lang).toBe('de');
    expect(tagger.tag('el agente fue muy grosero', { lang: 'es-MX' }).lang).toBe('es');
    expect(tagger.tag('laukiau per ilgai, niekas neatsiliepė').lang).toBe('lt');
    expect(tagger.tag('خیلی منتظر ماندم و کسی جواب نداد').lang).toBe('fa');
  });

  it('when the language is one we do not serve, then English words still tag the reason', () => {
    const result = tagger.tag('on hold 40 minuti, poi la app crash', { lang: 'it' });
    expect(result.tags).toEqual(expect.arrayContaining(['self_service', 'wait_time']));
  });

  it('when any test reason is tagged, then every tag is an id from the taxonomy', () => {
    const tags = readLabelled('test').flatMap((r) => tagger.tag(r.text).tags);
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.every(isTagId)).toBe(true);
  });
});
