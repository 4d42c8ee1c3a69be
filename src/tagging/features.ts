import type { Analysis } from './analyse.js';
import { TAG_IDS } from './taxonomy.js';

/**
 * Feature names. Stems and stem pairs carry the language ("u:de:warteschleif"); lexicon cues and
 * polarity do not, so what the model learns about them in one language helps the others.
 */
export const STEM_FEATURE = /^[ub]:/;

const cap = (value: number, limit: number): number => Math.min(value, limit);

/**
 * Where features are written: names in a Map while training (NamedFeatures), the columns of a
 * trained model when predicting. Stems and pairs have calls of their own so that prediction can
 * find their columns without building their names.
 */
export interface FeatureSink {
  get(name: string): number | undefined;
  set(name: string, value: number): void;
  /** The stem feature "u:<lang>:<stem>", or "u:<lang>:!<stem>" after a negator. */
  stem(lang: string, stem: string, negated: boolean): void;
  /** The pair feature "b:<lang>:<first>_<second>" (stems hold no "_"). */
  pair(lang: string, first: string, second: string): void;
}

export class NamedFeatures implements FeatureSink {
  readonly names = new Map<string, number>();

  get(name: string): number | undefined {
    return this.names.get(name);
  }

  set(name: string, value: number): void {
    this.names.set(name, value);
  }

  stem(lang: string, stem: string, negated: boolean): void {
    this.names.set(`u:${lang}:${negated ? '!' : ''}${stem}`, 1);
  }

  pair(lang: string, first: string, second: string): void {
    this.names.set(`b:${lang}:${first}_${second}`, 1);
  }
}

/** For sentiment, a stem after a negator is a different word: "rude" and "not … rude" pull opposite ways. */
function stemFeatures(analysis: Analysis, into: FeatureSink, pairs: boolean, markNegation = false): void {
  const lang = analysis.lang === 'und' ? 'en' : analysis.lang;
  const { stems, negated } = analysis;
  for (let i = 0; i < stems.length; i += 1) {
    const stem = stems[i] as string;
    into.stem(lang, stem, markNegation && negated[i] === true);
    const next = stems[i + 1];
    if (pairs && next !== undefined) into.pair(lang, stem, next);
  }
}

function topicFeatures(analysis: Analysis, into: FeatureSink): void {
  for (const hit of analysis.topics) {
    const name = `${hit.value.strong ? 't' : 'w'}:${hit.value.tag}`;
    into.set(name, cap((into.get(name) ?? 0) + 1, 2));
  }
}

export function tagFeatures<S extends FeatureSink>(analysis: Analysis, features: S): S {
  features.set('bias', 1);
  stemFeatures(analysis, features, true);
  topicFeatures(analysis, features);
  return features;
}

export function sentimentFeatures<S extends FeatureSink>(analysis: Analysis, features: S): S {
  features.set('bias', 1);
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
