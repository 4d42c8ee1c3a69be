import { categoryCounts, type MetricTotals } from './metric-totals.js';
import { npsFigures } from './nps.js';

export interface TagDriver {
  tag: string;
  /** Responses carrying the tag, by category. */
  promoters: number;
  passives: number;
  detractors: number;
  total: number;
  /** Share of all detractors (promoters) whose reason carries the tag, 0–1; null without any. */
  shareOfDetractors: number | null;
  shareOfPromoters: number | null;
  /** NPS of the responses without the tag minus the overall NPS, in points: positive when the tag drags the score down. */
  npsImpact: number | null;
}

/** What drives the score: per tag, its frequency among detractors vs promoters and its NPS impact, biggest drag first. */
export function tagDrivers(totals: MetricTotals, tags: readonly string[]): { overall: ReturnType<typeof npsFigures>; drivers: TagDriver[] } {
  const overall = npsFigures(categoryCounts(totals));
  const drivers = tags.map((tag): TagDriver => {
    const promoters = totals.get(`tag:${tag}:promoter`) ?? 0;
    const passives = totals.get(`tag:${tag}:passive`) ?? 0;
    const detractors = totals.get(`tag:${tag}:detractor`) ?? 0;
    const total = promoters + passives + detractors;
    const without = npsFigures({ promoters: overall.promoters - promoters, passives: overall.passives - passives, detractors: overall.detractors - detractors });
    return {
      tag,
      promoters,
      passives,
      detractors,
      total,
      shareOfDetractors: overall.detractors ? detractors / overall.detractors : null,
      shareOfPromoters: overall.promoters ? promoters / overall.promoters : null,
      npsImpact: total > 0 && without.nps !== null && overall.nps !== null ? without.nps - overall.nps : null,
    };
  });
  drivers.sort((a, b) => (b.npsImpact ?? -Infinity) - (a.npsImpact ?? -Infinity) || b.total - a.total);
  return { overall, drivers };
}
