import { categoryCounts, type MetricTotals } from './metric-totals.js';
import { npsFigures, type CategoryCounts, type NpsFigures } from './nps.js';

/** Prior strength (in responses) when it cannot be estimated: fewer than two agents, or too few responses. */
export const DEFAULT_PRIOR_STRENGTH = 30;

export interface PriorEstimate {
  /** κ: the company distribution counts as this many responses in every agent's estimate. */
  strength: number;
  /** How κ came about. */
  source: 'estimated' | 'no-difference' | 'default';
  /** Between-agent variance of the per-response NPS value (−1, 0, +1), on the 0–1 scale; null when not estimated. */
  betweenVariance: number | null;
  withinVariance: number | null;
}

export interface AgentFigures {
  agentId: string;
  raw: NpsFigures;
  /** NPS shrunk toward the company's, and its 95% interval, in points. */
  shrunkNps: number;
  low: number;
  high: number;
  rank: number;
}

/**
 * One-way random-effects (method of moments) estimate of how much agents truly differ, on the
 * per-response value x = +1 (promoter), 0 (passive), −1 (detractor): the within-agent mean square
 * against the between-agent mean square. κ = within variance / between variance.
 */
export function estimatePrior(agents: CategoryCounts[], cap: number): PriorEstimate {
  const groups = agents.map((counts) => ({ n: counts.promoters + counts.passives + counts.detractors, plus: counts.promoters, minus: counts.detractors })).filter((group) => group.n > 0);
  const k = groups.length;
  const total = groups.reduce((sum, group) => sum + group.n, 0);
  if (k < 2 || total <= k) return { strength: Math.min(DEFAULT_PRIOR_STRENGTH, Math.max(cap, 1)), source: 'default', betweenVariance: null, withinVariance: null };
  const grandMean = groups.reduce((sum, group) => sum + (group.plus - group.minus), 0) / total;
  let withinSquares = 0;
  let betweenSquares = 0;
  for (const group of groups) {
    const mean = (group.plus - group.minus) / group.n;
    withinSquares += group.plus + group.minus - group.n * mean * mean;
    betweenSquares += group.n * (mean - grandMean) ** 2;
  }
  const withinVariance = withinSquares / (total - k);
  const betweenMeanSquare = betweenSquares / (k - 1);
  const n0 = (total - groups.reduce((sum, group) => sum + group.n * group.n, 0) / total) / (k - 1);
  const betweenVariance = Math.max(0, (betweenMeanSquare - withinVariance) / n0);
  const limit = Math.max(cap, 1);
  if (betweenVariance === 0 || withinVariance / betweenVariance > limit) return { strength: limit, source: 'no-difference', betweenVariance, withinVariance };
  return { strength: withinVariance / betweenVariance, source: 'estimated', betweenVariance, withinVariance };
}

/** Posterior NPS of one agent under a Dirichlet prior of `strength` responses shaped like the company. */
export function shrinkAgent(counts: CategoryCounts, company: CategoryCounts, strength: number): { nps: number; low: number; high: number } {
  const companyTotal = company.promoters + company.passives + company.detractors;
  const p0 = companyTotal ? company.promoters / companyTotal : 0;
  const d0 = companyTotal ? company.detractors / companyTotal : 0;
  const n = counts.promoters + counts.passives + counts.detractors;
  const weight = n + strength;
  const p = (counts.promoters + strength * p0) / weight;
  const d = (counts.detractors + strength * d0) / weight;
  const nps = 100 * (p - d);
  const halfWidth = 196 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / (weight + 1));
  return { nps, low: nps - halfWidth, high: nps + halfWidth };
}

/** Agents (the unassigned `-` left out) ranked by shrunk NPS, best first; ties by sample size. */
export function rankAgents(byAgent: Map<string, MetricTotals>, company: CategoryCounts): { agents: AgentFigures[]; prior: PriorEstimate } {
  const named = [...byAgent.entries()].filter(([agentId]) => agentId !== '-').map(([agentId, totals]) => ({ agentId, counts: categoryCounts(totals) }));
  const scored = named.filter(({ counts }) => counts.promoters + counts.passives + counts.detractors > 0);
  const companyTotal = company.promoters + company.passives + company.detractors;
  const prior = estimatePrior(scored.map(({ counts }) => counts), companyTotal);
  const agents = scored.map(({ agentId, counts }) => {
    const shrunk = shrinkAgent(counts, company, prior.strength);
    return { agentId, raw: npsFigures(counts), shrunkNps: shrunk.nps, low: shrunk.low, high: shrunk.high, rank: 0 };
  });
  agents.sort((a, b) => b.shrunkNps - a.shrunkNps || b.raw.total - a.raw.total || a.agentId.localeCompare(b.agentId));
  agents.forEach((agent, index) => (agent.rank = index + 1));
  return { agents, prior };
}
