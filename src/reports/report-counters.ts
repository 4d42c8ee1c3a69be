import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import { splitIntoDays } from './day-span.js';
import { readDayCounters } from './day-counters.js';
import { scanPartialRange } from './edge-scan.js';
import { addMetric, CATEGORY_METRICS, mergeTotals, parseTagMetric, type MetricTotals } from './metric-totals.js';
import { matchesFilter, parseCounterField, type ReportFilter } from './report-filter.js';
import { UTC_CALENDAR, type ReportCalendar } from './report-calendar.js';
import { agentsPart, dayPeriod, monthPeriod, ReportRollups, totalsPrefix } from './report-rollups.js';

const CATEGORIES: ReadonlySet<string> = new Set(CATEGORY_METRICS);

export interface DayTotals {
  /** Start of the piece of the day inside the range (ms). */
  start: number;
  totals: MetricTotals;
}

/**
 * Every report figure comes from here: counts of responses by metric over [from, to), filtered, from
 * the counters kept at write time. Whole closed days and months come from roll-ups, today and
 * yesterday from the live day counters, and only pieces of days at the range's edges from responses.
 * With a tag filter the categories are those of the responses carrying the tag and volumes are absent.
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
    const result: MetricTotals = new Map();
    const prefix = totalsPrefix(filter);
    const plan = prefix ? this.rollups.plan(span.wholeDays) : { months: [], closedDays: [], openDays: span.wholeDays };
    const [rolled, live, edges] = await Promise.all([
      prefix ? this.rollups.readTotals([...plan.months.map(monthPeriod), ...plan.closedDays.map(dayPeriod)], prefix) : Promise.resolve([]),
      this.readLiveDays(plan.openDays, filter),
      Promise.all(span.partialRanges.map(([start, end]) => scanPartialRange(this.redis, this.keys, start, end, filter))),
    ]);
    for (const totals of rolled) mergeTotals(result, totals);
    for (const byAgent of [...live, ...edges]) for (const totals of byAgent.values()) mergeTotals(result, totals);
    return result;
  }

  /** One entry per local day touching [from, to), oldest first. */
  async dailyTotals(from: number, to: number, filter: ReportFilter): Promise<DayTotals[]> {
    const span = splitIntoDays(from, to, this.calendar);
    const prefix = totalsPrefix(filter);
    const rolledDays = prefix ? span.wholeDays.filter((day) => this.rollups.isClosedDay(day)) : [];
    const liveDays = span.wholeDays.filter((day) => !rolledDays.includes(day));
    const [rolled, live, edges] = await Promise.all([
      prefix ? this.rollups.readTotals(rolledDays.map(dayPeriod), prefix) : Promise.resolve([]),
      this.readLiveDays(liveDays, filter),
      Promise.all(span.partialRanges.map(([start, end]) => scanPartialRange(this.redis, this.keys, start, end, filter))),
    ]);
    const byStart = new Map<number, MetricTotals>();
    rolledDays.forEach((day, index) => byStart.set(this.calendar.dayStart(day), rolled[index] ?? new Map<string, number>()));
    liveDays.forEach((day, index) => byStart.set(this.calendar.dayStart(day), flatten(live[index])));
    span.partialRanges.forEach(([start], index) => byStart.set(start, flatten(edges[index])));
    return [...byStart.entries()].sort(([a], [b]) => a - b).map(([start, totals]) => ({ start, totals }));
  }

  /** Category counts per agent id (`-` for responses with no agent); an agent filter is ignored (every agent is counted). */
  async agentTotals(from: number, to: number, filter: ReportFilter): Promise<Map<string, MetricTotals>> {
    const span = splitIntoDays(from, to, this.calendar);
    const { agentId: _agent, ...byAgentFilter } = filter;
    filter = byAgentFilter;
    const part = agentsPart(filter);
    const plan = part ? this.rollups.plan(span.wholeDays) : { months: [], closedDays: [], openDays: span.wholeDays };
    const [rolled, live, edges] = await Promise.all([
      part ? this.rollups.readAgents([...plan.months.map(monthPeriod), ...plan.closedDays.map(dayPeriod)], part) : Promise.resolve(new Map<string, MetricTotals>()),
      this.readLiveDays(plan.openDays, filter),
      Promise.all(span.partialRanges.map(([start, end]) => scanPartialRange(this.redis, this.keys, start, end, filter))),
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

  /** Categories and tag counts (`tag:<tag>:<category>`) over the range, always from the live counters (re-tagging may move them). */
  async tagTotals(from: number, to: number, filter: ReportFilter): Promise<MetricTotals> {
    const withoutTag: ReportFilter = { ...filter };
    delete withoutTag.tag;
    const span = splitIntoDays(from, to, this.calendar);
    const [live, edges] = await Promise.all([
      this.readLiveDays(span.wholeDays, withoutTag),
      Promise.all(span.partialRanges.map(([start, end]) => scanPartialRange(this.redis, this.keys, start, end, withoutTag))),
    ]);
    const result: MetricTotals = new Map();
    for (const byAgent of [...live, ...edges]) for (const totals of byAgent.values()) mergeTotals(result, totals);
    return result;
  }

  /** Whole days from the live counter hashes, grouped by agent; with a tag filter, categories of the tagged responses only. */
  private async readLiveDays(days: string[], filter: ReportFilter): Promise<Array<Map<string, MetricTotals>>> {
    if (days.length === 0) return [];
    return (await readDayCounters(this.redis, this.keys, days)).map((hash) => {
      const byAgent = new Map<string, MetricTotals>();
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
      return byAgent;
    });
  }
}

function flatten(byAgent: Map<string, MetricTotals> | undefined): MetricTotals {
  const totals: MetricTotals = new Map();
  for (const group of byAgent?.values() ?? []) mergeTotals(totals, group);
  return totals;
}

