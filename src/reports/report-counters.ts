import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import { splitIntoDays } from './day-span.js';
import { readPartitionCounters } from './day-counters.js';
import { scanPartialRange } from './edge-scan.js';
import { addMetric, CATEGORY_METRICS, mergeTotals, parseTagMetric, ROLLUP_METRICS, TAG_METRICS, type MetricTotals } from './metric-totals.js';
import { matchesFilter, parseCounterField, type ReportFilter } from './report-filter.js';
import { UTC_CALENDAR, type ReportCalendar } from './report-calendar.js';
import { agentsPart, ReportRollups, totalsPrefix, type Period } from './report-rollups.js';

const CATEGORIES: ReadonlySet<string> = new Set(CATEGORY_METRICS);

export interface DayTotals {
  /** Start of the piece of the day inside the range (ms). */
  start: number;
  totals: MetricTotals;
}

/**
 * Every report figure comes from here: counts of responses by metric over [from, to), filtered, from
 * the counters kept at write time. Whole closed days and months come from the roll-ups the closer
 * built, today, yesterday and any day not closed yet from the live day counters, and only pieces of
 * days at the range's edges from responses. With a tag filter the categories are those of the
 * responses carrying the tag and volumes are absent.
 */
export class ReportCounters {
  readonly rollups: ReportRollups;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly now: () => number = Date.now,
    readonly calendar: ReportCalendar = UTC_CALENDAR,
  ) {
    this.rollups = new ReportRollups(redis, keys, now, calendar);
  }

  /** [from, to) with the defaults filled in: from the first scored response until the end of today. */
  async resolveRange(filter: { from?: Date; to?: Date }): Promise<[number, number]> {
    const to = filter.to?.getTime() ?? this.endOfToday();
    if (filter.from) return [filter.from.getTime(), to];
    const firsts = await Promise.all(this.keys.partitionList.map((partition) => this.redis.zrange(this.keys.responsesByScoreTime(partition), 0, 0, 'WITHSCORES')));
    const firstScoredAt = Math.min(to, ...firsts.flatMap((first) => (first[1] === undefined ? [] : [Number(first[1])])));
    return [Math.min(this.calendar.startOfDay(firstScoredAt), to), to];
  }

  /** Local midnight that ends today. */
  endOfToday(): number {
    return this.calendar.dayStart(this.calendar.addDays(this.calendar.dayOf(this.now()), 1));
  }

  async totals(from: number, to: number, filter: ReportFilter): Promise<MetricTotals> {
    const span = splitIntoDays(from, to, this.calendar);
    const cover = await this.rollups.cover(span.wholeDays);
    const [rolled, live, edges] = await Promise.all([
      this.readRolled(cover.periods, filter),
      this.readLiveDays(cover.liveDays, filter),
      this.scanEdges(span.partialRanges, filter),
    ]);
    const result: MetricTotals = new Map();
    for (const totals of rolled) mergeTotals(result, totals);
    for (const byAgent of [...live, ...edges]) for (const totals of byAgent.values()) mergeTotals(result, totals);
    return result;
  }

  /** One entry per local day touching [from, to), oldest first. */
  async dailyTotals(from: number, to: number, filter: ReportFilter): Promise<DayTotals[]> {
    const span = splitIntoDays(from, to, this.calendar);
    const cover = await this.rollups.coverDays(span.wholeDays);
    const [rolled, live, edges] = await Promise.all([
      this.readRolled(cover.periods, filter),
      this.readLiveDays(cover.liveDays, filter),
      this.scanEdges(span.partialRanges, filter),
    ]);
    const byStart = new Map<number, MetricTotals>();
    cover.periods.forEach((period, index) => byStart.set(this.calendar.dayStart(period.slice(1)), rolled[index] ?? new Map<string, number>()));
    cover.liveDays.forEach((day, index) => byStart.set(this.calendar.dayStart(day), flatten(live[index])));
    span.partialRanges.forEach(([start], index) => byStart.set(start, flatten(edges[index])));
    return [...byStart.entries()].sort(([a], [b]) => a - b).map(([start, totals]) => ({ start, totals }));
  }

  /** Category counts per agent id (`-` for responses with no agent); an agent filter is ignored (every agent is counted). */
  async agentTotals(from: number, to: number, filter: ReportFilter): Promise<Map<string, MetricTotals>> {
    const span = splitIntoDays(from, to, this.calendar);
    const { agentId: _agent, ...byAgentFilter } = filter;
    filter = byAgentFilter;
    const part = agentsPart(filter);
    // Agents by tag are not rolled up: with a tag filter every whole day is read from the live counters.
    const cover = part ? await this.rollups.cover(span.wholeDays) : { periods: [], liveDays: span.wholeDays };
    const [rolled, live, edges] = await Promise.all([
      part ? this.rollups.readAgents(cover.periods, part) : Promise.resolve(new Map<string, MetricTotals>()),
      this.readLiveDays(cover.liveDays, filter),
      this.scanEdges(span.partialRanges, filter),
    ]);
    const result = new Map<string, MetricTotals>();
    for (const byAgent of [rolled, ...live, ...edges]) {
      for (const [agentId, totals] of byAgent) {
        const target = result.get(agentId) ?? result.set(agentId, new Map()).get(agentId);
        if (target) for (const [metric, count] of totals) if (CATEGORIES.has(metric)) addMetric(target, metric, count);
      }
    }
    return result;
  }

  /** Categories and tag counts (`tag:<tag>:<category>`) over the range: roll-ups (which re-tagging keeps moving) and live counters. */
  async tagTotals(from: number, to: number, filter: ReportFilter): Promise<MetricTotals> {
    const withoutTag: ReportFilter = { ...filter };
    delete withoutTag.tag;
    const span = splitIntoDays(from, to, this.calendar);
    const cover = await this.rollups.cover(span.wholeDays);
    const [rolled, live, edges] = await Promise.all([
      this.rollups.readTotals(cover.periods, totalsPrefix(withoutTag), [...CATEGORY_METRICS, ...TAG_METRICS]),
      this.readLiveDays(cover.liveDays, withoutTag),
      this.scanEdges(span.partialRanges, withoutTag),
    ]);
    const result: MetricTotals = new Map();
    for (const totals of rolled) mergeTotals(result, totals);
    for (const byAgent of [...live, ...edges]) for (const totals of byAgent.values()) mergeTotals(result, totals);
    return result;
  }

  /** Roll-up totals per period for the filter; with a tag filter, the categories of the tagged responses. */
  private async readRolled(periods: Period[], filter: ReportFilter): Promise<MetricTotals[]> {
    const prefix = totalsPrefix(filter);
    if (!filter.tag) return this.rollups.readTotals(periods, prefix, ROLLUP_METRICS);
    const tagged = await this.rollups.readTotals(periods, prefix, CATEGORY_METRICS.map((category) => `tag:${filter.tag}:${category}`));
    return tagged.map((totals) => new Map([...totals].map(([metric, count]) => [parseTagMetric(metric)?.[1] ?? metric, count])));
  }

  private scanEdges(ranges: Array<[number, number]>, filter: ReportFilter): Promise<Array<Map<string, MetricTotals>>> {
    return Promise.all(ranges.map(([start, end]) => scanPartialRange(this.redis, this.keys, start, end, filter)));
  }

  /** Whole days from the live counter hashes, grouped by agent; with a tag filter, categories of the tagged responses only. */
  private async readLiveDays(days: string[], filter: ReportFilter): Promise<Array<Map<string, MetricTotals>>> {
    if (days.length === 0) return [];
    return (await readPartitionCounters(this.redis, this.keys, days)).map((hashes) => {
      const byAgent = new Map<string, MetricTotals>();
      for (const hash of hashes) {
        for (const [field, value] of Object.entries(hash)) {
          const dimension = parseCounterField(field);
          if (!dimension || !matchesFilter(dimension, filter)) continue;
          let metric: string | null = dimension.metric;
          if (filter.tag) {
            const tagged = parseTagMetric(metric);
            metric = tagged && tagged[0] === filter.tag ? tagged[1] : null;
          }
          if (metric === null) continue;
          const totals = byAgent.get(dimension.agentId) ?? byAgent.set(dimension.agentId, new Map()).get(dimension.agentId);
          if (totals) addMetric(totals, metric, Number(value));
        }
      }
      return byAgent;
    });
  }
}

function flatten(byAgent: Map<string, MetricTotals> | undefined): MetricTotals {
  const totals: MetricTotals = new Map();
  for (const group of byAgent?.values() ?? []) mergeTotals(totals, group);
  return totals;
}

