export interface CategoryCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsFigures extends CategoryCounts {
  total: number;
  /** 100 × (P − D) / total, not rounded; null with no scored responses. */
  nps: number | null;
  /** 95% half-width in NPS points: 196 × √((p + d − (p − d)²) / n); null with no scored responses. */
  marginOfError: number | null;
}

export function npsFigures(counts: CategoryCounts): NpsFigures {
  const total = counts.promoters + counts.passives + counts.detractors;
  if (total === 0) return { ...counts, total, nps: null, marginOfError: null };
  const p = counts.promoters / total;
  const d = counts.detractors / total;
  const variance = Math.max(0, p + d - (p - d) ** 2);
  return { ...counts, total, nps: (100 * (counts.promoters - counts.detractors)) / total, marginOfError: 196 * Math.sqrt(variance / total) };
}

export function emptyCounts(): CategoryCounts {
  return { promoters: 0, passives: 0, detractors: 0 };
}
