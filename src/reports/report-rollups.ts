import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import { readDayCounters } from './day-counters.js';
import { DateTime } from 'luxon';
import { addMetric, CATEGORY_METRICS, ROLLUP_METRICS, type MetricTotals } from './metric-totals.js';
import { UTC_CALENDAR, type ReportCalendar } from './report-calendar.js';
import { parseCounterField, type ReportFilter } from './report-filter.js';

/** Today and yesterday stay live: a turn stamped by an instance whose clock lags may still land on yesterday. */
const OPEN_DAYS = 2;
const BUILT = '_built';
/** The agents parts a period has (JSON list), so a month knows what to merge. */
const PARTS = '_parts';
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORY_METRICS);
const ROLLUP_SET: ReadonlySet<string> = new Set(ROLLUP_METRICS);

/** `D2026-11-01` or `M2026-11`. */
export type Period = string;

export const dayPeriod = (day: string): Period => `D${day}`;
export const monthPeriod = (month: string): Period => `M${month}`;

/** `c=voice,a=ag-1`: the dimensions a filter sets, in a fixed order; `*` for none. */
function dimensionKey(channel: string | undefined, agentId: string | undefined, campaignId: string | undefined): string {
  const parts = [channel === undefined ? null : `c=${channel}`, agentId === undefined ? null : `a=${agentId}`, campaignId === undefined ? null : `k=${campaignId}`].filter(Boolean);
  return parts.length ? parts.join(',') : '*';
}

/** The roll-up field prefix that answers this filter (any mix of channel, agent and campaign), or null for a tag filter. */
export function totalsPrefix(filter: ReportFilter): string | null {
  return filter.tag ? null : dimensionKey(filter.channel, filter.agentId, filter.campaignId);
}

/** The per-agent roll-up part for this filter's channel and campaign (the agent filter is applied by the caller), or null for a tag filter. */
export function agentsPart(filter: ReportFilter): string | null {
  return filter.tag ? null : `agents:${dimensionKey(filter.channel, undefined, filter.campaignId)}`;
}

interface RollupContent {
  totals: Map<string, number>;
  /** part (`agents`, `agents:voice`, …) → `agentId|category` → count */
  agents: Map<string, Map<string, number>>;
}

function emptyContent(): RollupContent {
  return { totals: new Map(), agents: new Map() };
}

function bump(map: Map<string, number>, field: string, count: number): void {
  map.set(field, (map.get(field) ?? 0) + count);
}

function bumpAgent(content: RollupContent, part: string, field: string, count: number): void {
  let map = content.agents.get(part);
  if (!map) content.agents.set(part, (map = new Map<string, number>()));
  bump(map, field, count);
}

/** Projects one day's live counter hash onto the roll-up fields: every mix of channel, agent and campaign (none included). */
function projectDay(hash: Record<string, string>): RollupContent {
  const content = emptyContent();
  for (const [field, value] of Object.entries(hash)) {
    const dimension = parseCounterField(field);
    if (!dimension || !ROLLUP_SET.has(dimension.metric)) continue;
    const count = Number(value);
    if (!count) continue;
    const { channel: c, agentId: a, campaignId: k, metric } = dimension;
    for (const [channel, agentId, campaignId] of [
      [undefined, undefined, undefined],
      [c, undefined, undefined],
      [undefined, a, undefined],
      [undefined, undefined, k],
      [c, a, undefined],
      [c, undefined, k],
      [undefined, a, k],
      [c, a, k],
    ] as const) {
      bump(content.totals, `${dimensionKey(channel, agentId, campaignId)}|${metric}`, count);
    }
    if (CATEGORY_SET.has(metric)) {
      for (const part of [dimensionKey(undefined, undefined, undefined), dimensionKey(c, undefined, undefined), dimensionKey(undefined, undefined, k), dimensionKey(c, undefined, k)]) {
        bumpAgent(content, `agents:${part}`, `${a}|${metric}`, count);
      }
    }
  }
  return content;
}

function addHash(target: Map<string, number>, hash: Record<string, string>): void {
  for (const [field, value] of Object.entries(hash)) if (field !== BUILT && field !== PARTS) bump(target, field, Number(value));
}

function partsOf(hash: Record<string, string>): string[] {
  try {
    const parts: unknown = JSON.parse(hash[PARTS] ?? '[]');
    return Array.isArray(parts) ? parts.filter((part): part is string => typeof part === 'string') : [];
  } catch {
    return [];
  }
}

/** The dates of a month (`2026-11`), whatever the time zone. */
export function daysOfMonth(month: string): string[] {
  const first = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  return Array.from({ length: first.daysInMonth ?? 0 }, (_unused, index) => first.plus({ days: index }).toISODate() as string);
}

/**
 * Roll-ups of closed days and months, built once from the day counters and kept in Redis for every
 * instance: a year of figures reads a dozen month hashes instead of hundreds of thousands of counter
 * fields. Only counts that can no longer change are rolled up: days before yesterday, and no tag counts.
 */
export class ReportRollups {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly now: () => number = Date.now,
    private readonly calendar: ReportCalendar = UTC_CALENDAR,
  ) {}

  /** A local day before yesterday (in REPORT_TIME_ZONE): its counters no longer change, bar re-tagging. */
  isClosedDay(day: string): boolean {
    return day <= this.calendar.addDays(this.calendar.dayOf(this.now()), -OPEN_DAYS);
  }

  /** Splits whole days into closed months (every day of the month in the list), other closed days, and open days. */
  plan(days: string[]): { months: string[]; closedDays: string[]; openDays: string[] } {
    const byMonth = new Map<string, string[]>();
    const openDays: string[] = [];
    for (const day of days) {
      if (!this.isClosedDay(day)) openDays.push(day);
      else byMonth.set(day.slice(0, 7), [...(byMonth.get(day.slice(0, 7)) ?? []), day]);
    }
    const months: string[] = [];
    const closedDays: string[] = [];
    for (const [month, monthDays] of byMonth) {
      if (monthDays.length === daysOfMonth(month).length) months.push(month);
      else closedDays.push(...monthDays);
    }
    return { months, closedDays, openDays };
  }

  /** Reads each period's totals under `prefix` (e.g. `*`, `c:voice`), building missing roll-ups first. */
  async readTotals(periods: Period[], prefix: string): Promise<MetricTotals[]> {
    await this.ensure(periods);
    const fields = ROLLUP_METRICS.map((metric) => `${prefix}|${metric}`);
    const rows = await Promise.all(periods.map((period) => this.redis.hmget(this.keys.reportRollup(period, 'totals'), ...fields)));
    return rows.map((values) => {
      const totals: MetricTotals = new Map();
      values.forEach((value, index) => addMetric(totals, ROLLUP_METRICS[index] as string, Number(value ?? 0)));
      return totals;
    });
  }

  /** Category counts per agent, summed over the periods. */
  async readAgents(periods: Period[], part: string): Promise<Map<string, MetricTotals>> {
    await this.ensure(periods);
    const hashes = await Promise.all(periods.map((period) => this.redis.hgetall(this.keys.reportRollup(period, part))));
    const byAgent = new Map<string, MetricTotals>();
    for (const hash of hashes) {
      for (const [field, value] of Object.entries(hash)) {
        const bar = field.lastIndexOf('|');
        const agentId = field.slice(0, bar);
        let totals = byAgent.get(agentId);
        if (!totals) byAgent.set(agentId, (totals = new Map<string, number>()));
        addMetric(totals, field.slice(bar + 1), Number(value));
      }
    }
    return byAgent;
  }

  /** Builds the roll-ups of these periods that do not exist yet (idempotent: two instances build the same thing). */
  async ensure(periods: Period[]): Promise<void> {
    if (periods.length === 0) return;
    const built = (await Promise.all(periods.map((period) => this.redis.hexists(this.keys.reportRollup(period, 'totals'), BUILT)))).map((exists) => exists === 1);
    const missing = periods.filter((_, index) => !built[index]);
    const missingDays = missing.filter((period) => period.startsWith('D')).map((period) => period.slice(1));
    const missingMonths = missing.filter((period) => period.startsWith('M')).map((period) => period.slice(1));
    if (missingDays.length > 0) await this.buildDays(missingDays);
    for (const month of missingMonths) await this.buildMonth(month);
  }

  private async buildDays(days: string[]): Promise<void> {
    for (let start = 0; start < days.length; start += 31) {
      const batch = days.slice(start, start + 31);
      const hashes = await readDayCounters(this.redis, this.keys, batch);
      await Promise.all(batch.map((day, index) => this.write(dayPeriod(day), projectDay(hashes[index] ?? {}))));
    }
  }

  private async buildMonth(month: string): Promise<void> {
    const days = daysOfMonth(month);
    await this.ensure(days.map(dayPeriod));
    const totals = await Promise.all(days.map((day) => this.redis.hgetall(this.keys.reportRollup(dayPeriod(day), 'totals'))));
    const content = emptyContent();
    const wanted: Array<[string, string]> = [];
    totals.forEach((hash, index) => {
      addHash(content.totals, hash);
      for (const part of partsOf(hash)) wanted.push([dayPeriod(days[index] as string), part]);
    });
    const agentHashes = await Promise.all(wanted.map(([period, part]) => this.redis.hgetall(this.keys.reportRollup(period, part))));
    agentHashes.forEach((hash, index) => {
      const part = (wanted[index] as [string, string])[1];
      const target = content.agents.get(part) ?? content.agents.set(part, new Map()).get(part);
      if (target) addHash(target, hash);
    });
    await this.write(monthPeriod(month), content);
  }

  /** Replaces a period's roll-up atomically (concurrent calls go out pipelined on the one connection). */
  private async write(period: Period, content: RollupContent): Promise<void> {
    const parts = [...content.agents.keys()];
    const pipeline = this.redis.multi();
    pipeline.del(this.keys.reportRollup(period, 'totals'), ...parts.map((part) => this.keys.reportRollup(period, part)));
    pipeline.hset(this.keys.reportRollup(period, 'totals'), { ...Object.fromEntries(content.totals), [PARTS]: JSON.stringify(parts), [BUILT]: new Date(this.now()).toISOString() });
    for (const [part, fields] of content.agents) if (fields.size > 0) pipeline.hset(this.keys.reportRollup(period, part), Object.fromEntries(fields));
    await pipeline.exec();
  }
}
