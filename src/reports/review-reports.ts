import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import { TAG_IDS } from '../tagging/taxonomy.js';
import { rankAgents, type AgentFigures, type PriorEstimate } from './agent-ranking.js';
import { tagDrivers, type TagDriver } from './drivers.js';
import { exampleComments, type ExampleComment } from './example-comments.js';
import { categoryCounts, mergeTotals, volumeCounts, type MetricTotals, type VolumeCounts } from './metric-totals.js';
import { npsFigures, type NpsFigures } from './nps.js';
import { UTC_CALENDAR, type ReportCalendar } from './report-calendar.js';
import { ReportCounters } from './report-counters.js';
import type { ReportFilter } from './report-filter.js';
import { countBuckets, defaultTrendFrom, MAX_TREND_POINTS, trendPoints, type TrendInterval, type TrendPoint } from './trend.js';

/** Fewer scored responses than this and a figure carries a warning. */
export const LOW_SAMPLE_SIZE = 30;

export interface SummaryReport extends NpsFigures {
  lowSample: boolean;
  from: string;
  to: string;
  /** Surveys started, completed, opted out… in the range; null with a tag filter (tags exist on scored reasons only). */
  volumes: VolumeCounts | null;
  /** Scored ÷ started, completed ÷ started, opted out ÷ started (0–1); null without starts. */
  responseRate: number | null;
  completionRate: number | null;
  optOutRate: number | null;
}

export interface TrendReport {
  interval: TrendInterval;
  from: string;
  to: string;
  points: TrendPoint[];
}

export interface AgentsReport {
  from: string;
  to: string;
  company: NpsFigures;
  prior: PriorEstimate;
  agents: Array<AgentFigures & { agentName: string | null }>;
}

export interface DriversReport {
  from: string;
  to: string;
  overall: NpsFigures;
  drivers: Array<TagDriver & { examples: ExampleComment[] }>;
}

export class RangeTooLongError extends Error {}

function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The supervisors' figures, shared by the JSON API and the pages so both always show the same numbers. */
export class ReviewReports {
  readonly counters: ReportCounters;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly now: () => number = Date.now,
    readonly calendar: ReportCalendar = UTC_CALENDAR,
  ) {
    this.counters = new ReportCounters(redis, keys, now, calendar);
  }

  async summary(filter: ReportFilter): Promise<SummaryReport> {
    const [from, to] = await this.counters.resolveRange(filter);
    const totals = await this.counters.totals(from, to, filter);
    const figures = npsFigures(categoryCounts(totals));
    const volumes = filter.tag ? null : volumeCounts(totals);
    return {
      ...figures,
      lowSample: figures.total < LOW_SAMPLE_SIZE,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      volumes,
      responseRate: volumes ? rate(figures.total, volumes.started) : null,
      completionRate: volumes ? rate(volumes.completed, volumes.started) : null,
      optOutRate: volumes ? rate(volumes.optedOut, volumes.started) : null,
    };
  }

  async trend(filter: ReportFilter, interval: TrendInterval): Promise<TrendReport> {
    const to = filter.to?.getTime() ?? this.counters.endOfToday();
    const from = filter.from?.getTime() ?? defaultTrendFrom(to, interval, this.calendar);
    if (countBuckets(from, to, interval, this.calendar) > MAX_TREND_POINTS[interval]) {
      throw new RangeTooLongError(`the range holds more than ${MAX_TREND_POINTS[interval]} ${interval}s; narrow from/to or use interval=week`);
    }
    const days = await this.counters.dailyTotals(from, to, filter);
    return { interval, from: new Date(from).toISOString(), to: new Date(to).toISOString(), points: trendPoints(days, from, to, interval, filter.tag, this.calendar) };
  }

  /** Every agent ranked against the company (an agent filter picks that agent's row; it does not change the company or the prior). */
  async agents(filter: ReportFilter): Promise<AgentsReport> {
    const { agentId, ...company } = filter;
    const [from, to] = await this.counters.resolveRange(company);
    const byAgent = await this.counters.agentTotals(from, to, company);
    // The company is every scored response under the filter, the unassigned (`-`) included.
    const companyTotals: MetricTotals = new Map();
    for (const totals of byAgent.values()) mergeTotals(companyTotals, totals);
    const companyCounts = categoryCounts(companyTotals);
    const { agents, prior } = rankAgents(byAgent, companyCounts);
    const shown = agentId ? agents.filter((agent) => agent.agentId === agentId) : agents;
    const names = await this.agentNames(shown.map((agent) => agent.agentId));
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      company: npsFigures(companyCounts),
      prior,
      agents: shown.map((agent) => ({ ...agent, agentName: names.get(agent.agentId) ?? null })),
    };
  }

  async drivers(filter: ReportFilter, examplesPerTag = 3): Promise<DriversReport> {
    // Every tag is a driver here: a tag filter does not narrow this report.
    const { tag: _ignored, ...allTags } = filter;
    const [from, to] = await this.counters.resolveRange(allTags);
    const { overall, drivers } = tagDrivers(await this.counters.tagTotals(from, to, allTags), TAG_IDS);
    const present = drivers.filter((driver) => driver.total > 0);
    const examples = await exampleComments(
      this.redis,
      this.keys,
      { from, to, filter: allTags },
      present.map((driver) => ({ tag: driver.tag, prefer: (driver.npsImpact ?? 0) >= 0 ? 'detractor' : 'promoter' })),
      examplesPerTag,
    );
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      overall,
      drivers: drivers.map((driver) => ({ ...driver, examples: examples.get(driver.tag) ?? [] })),
    };
  }

  /** Every agent with a survey in the range (any channel, any campaign), by name then id: what the agent filter can find. */
  async agentsSeen(range: { from?: Date; to?: Date }): Promise<Array<{ agentId: string; agentName: string | null }>> {
    const [from, to] = await this.counters.resolveRange(range);
    const agentIds = [...(await this.counters.agentTotals(from, to, {})).keys()].filter((agentId) => agentId !== '-');
    const names = await this.agentNames(agentIds);
    return agentIds
      .map((agentId) => ({ agentId, agentName: names.get(agentId) ?? null }))
      .sort((a, b) => (a.agentName ?? a.agentId).localeCompare(b.agentName ?? b.agentId) || a.agentId.localeCompare(b.agentId));
  }

  /** Display names the review consumer saw on responses, by agent id. */
  async agentNames(agentIds: string[]): Promise<Map<string, string>> {
    if (agentIds.length === 0) return new Map();
    const names = await this.redis.hmget(this.keys.agentNames(), ...agentIds);
    return new Map(agentIds.flatMap((agentId, index) => (names[index] ? [[agentId, names[index]] as [string, string]] : [])));
  }
}
