import type { Analysis } from './analyse.js';
import { TAG_IDS } from './taxonomy.js';

/**
 * Feature names. Stems and stem pairs carry the language ("u:de:warteschleif"); lexicon cues and
 * polarity do not, so what the model learns about them in one language helps the others.
 */
export const STEM_FEATURE = /^[ub]:/;

const cap = (value: number, limit: number): number => Math.min(value, limit);

/** For sentiment, a stem after a negator is a different word: "rude" and "not … rude" pull opposite ways. */
function stemFeatures(analysis: Analysis, into: Map<string, number>, pairs: boolean, markNegation = false): void {
  const lang = analysis.lang === 'und' ? 'en' : analysis.lang;
  analysis.stems.forEach((stem, i) => {
    into.set(`u:${lang}:${markNegation && analysis.negated[i] ? '!' : ''}${stem}`, 1);
    const next = analysis.stems[i + 1];
    if (pairs && next !== undefined) into.set(`b:${lang}:${stem}_${next}`, 1);
  });
}

function topicFeatures(analysis: Analysis, into: Map<string, number>): void {
  for (const hit of analysis.topics) {
    const name = `${hit.value.strong ? 't' : 'w'}:${hit.value.tag}`;
    into.set(name, cap((into.get(name) ?? 0) + 1, 2));
  }
}

export function tagFeatures(analysis: Analysis): Map<string, number> {
  const features = new Map<string, number>([['bias', 1]]);
  stemFeatures(analysis, features, true);
  topicFeatures(analysis, features);
  return features;
}

export function sentimentFeatures(analysis: Analysis): Map<string, number> {
  const features = new Map<string, number>([['bias', 1]]);
  stemFeatures(analysis, features, false, true);
  const p = analysis.polarity;
  features.set('pol:pos', cap(p.positive, 6) / 2);
  features.set('pol:neg', cap(p.negative, 6) / 2);
  features.set('pol:contrast-pos', cap(p.contrastPositive, 4) / 2);
  features.set('pol:contrast-neg', cap(p.contrastNegative, 4) / 2);
  features.set('pol:negated-pos', cap(p.negatedPositive, 2));
  features.set('pol:negated-neg', cap(p.negatedNegative, 2));
  features.set('pol:sarcasm', p.sarcasm ? 1 : 0);
  features.set('pol:suggestion', p.suggestion ? 1 : 0);
  features.set('pol:only-suggestion', p.suggestion && p.negative === 0 && analysis.natural.negative === 0 ? 1 : 0);
  features.set('pol:balance', Math.sign(p.positive - p.negative));
  features.set('nat:pos', cap(analysis.natural.positive, 4) / 2);
  features.set('nat:neg', cap(analysis.natural.negative, 4) / 2);
  const silent = p.positive === 0 && p.negative === 0 && analysis.natural.positive === 0 && analysis.natural.negative === 0;
  features.set('pol:none', silent ? 1 : 0);
  for (const tag of TAG_IDS) if (analysis.topics.some((hit) => hit.value.strong && hit.value.tag === tag)) features.set(`t:${tag}`, 1);
  return features;
}
