import type { ClientContext, Result } from 'ioredis';
import type { RedisClient } from '../redis/redis-client.js';
import { defineLuaCommands } from '../redis/lua-commands.js';
import type { Keys } from '../redis/keys.js';
import { readDayCounters } from './day-counters.js';
import { addMetric, CATEGORY_METRICS, parseTagMetric, ROLLUP_METRICS, type MetricTotals } from './metric-totals.js';
import { UTC_CALENDAR, type ReportCalendar } from './report-calendar.js';
import { parseCounterField, type ReportFilter } from './report-filter.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    adjustRollup(totalsKey: string, builtField: string, ...fieldDeltas: string[]): Result<number, Context>;
  }
}

/** Today and yesterday stay live: a turn stamped by an instance whose clock lags may still land on yesterday. */
const OPEN_DAYS = 2;
/** Marks a finished roll-up; `2` since roll-ups carry tag counts (an older one is rebuilt by the closer). */
export const BUILT = '_built2';
/** The agents parts a period has (JSON list), so a month knows what to merge. */
const PARTS = '_parts';
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORY_METRICS);
const ROLLUP_SET: ReadonlySet<string> = new Set(ROLLUP_METRICS);
/** Days whose markers are checked, or that are built, per batch. */
const BATCH_DAYS = 62;

/** `D2026-11-01` or `M2026-11`; days are local dates of REPORT_TIME_ZONE. */
export type Period = string;

export const dayPeriod = (day: string): Period => `D${day}`;
export const monthPeriod = (month: string): Period => `M${month}`;

/** `c=voice,a=ag-1`: the dimensions a filter sets, in a fixed order; `*` for none. */
function dimensionKey(channel: string | undefined, agentId: string | undefined, campaignId: string | undefined): string {
  const parts = [channel === undefined ? null : `c=${channel}`, agentId === undefined ? null : `a=${agentId}`, campaignId === undefined ? null : `k=${campaignId}`].filter(Boolean);
  return parts.length ? parts.join(',') : '*';
}

/** The roll-up field prefix that answers this filter's channel, agent and campaign (any mix); a tag filter is applied by the metrics read. */
export function totalsPrefix(filter: ReportFilter): string {
  return dimensionKey(filter.channel, filter.agentId, filter.campaignId);
}

/** The per-agent roll-up part for this filter's channel and campaign (the agent filter is applied by the caller), or null for a tag filter. */
export function agentsPart(filter: ReportFilter): string | null {
  return filter.tag ? null : `agents:${dimensionKey(filter.channel, undefined, filter.campaignId)}`;
}

/** The eight roll-up prefixes a counter field of (channel, agent, campaign) adds to: every mix, none included. */
export function prefixesOf(channel: string, agentId: string, campaignId: string): string[] {
  return (
    [
      [undefined, undefined, undefined],
      [channel, undefined, undefined],
      [undefined, agentId, undefined],
      [undefined, undefined, campaignId],
      [channel, agentId, undefined],
      [channel, undefined, campaignId],
      [undefined, agentId, campaignId],
      [channel, agentId, campaignId],
    ] as const
  ).map(([c, a, k]) => dimensionKey(c, a, k));
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

/** Projects one day's live counter hash onto the roll-up fields: every mix of channel, agent and campaign, tag counts included. */
function projectDay(hash: Record<string, string>): RollupContent {
  const content = emptyContent();
  for (const [field, value] of Object.entries(hash)) {
    const dimension = parseCounterField(field);
    if (!dimension || !(ROLLUP_SET.has(dimension.metric) || parseTagMetric(dimension.metric))) continue;
    const count = Number(value);
    if (!count) continue;
    const { channel: c, agentId: a, campaignId: k, metric } = dimension;
    for (const prefix of prefixesOf(c, a, k)) bump(content.totals, `${prefix}|${metric}`, count);
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
  const year = Number(month.slice(0, 4));
  const monthIndex = Number(month.slice(5, 7)) - 1;
  const length = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  return Array.from({ length }, (_unused, index) => `${month}-${String(index + 1).padStart(2, '0')}`);
}

/** Which whole days a read takes from roll-ups (built months and days) and which from the live counters. */
export interface RollupCover {
  periods: Period[];
  liveDays: string[];
}

/**
 * Roll-ups of closed days and months, built from the day counters by a background closer
 * (`closeDue`) and kept in Redis for every instance: a year of figures reads a dozen month hashes
 * instead of hundreds of thousands of counter fields. A read never builds one: a period not built
 * yet is read from its days' live counters. Only days before yesterday are rolled up; re-tagging
 * moves the tag counts of a built roll-up with those of the day counters (`adjustTags`).
 */
export class ReportRollups {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly now: () => number = Date.now,
    private readonly calendar: ReportCalendar = UTC_CALENDAR,
  ) {
    defineLuaCommands(redis, import.meta.url, [{ name: 'adjustRollup', file: 'adjust-rollup.lua', numberOfKeys: 1 }]);
  }

  /** The newest closed day: the local day before yesterday (in REPORT_TIME_ZONE). */
  lastClosedDay(): string {
    return this.calendar.addDays(this.calendar.dayOf(this.now()), -OPEN_DAYS);
  }

  /** A local day whose counters no longer change, bar re-tagging. */
  isClosedDay(day: string): boolean {
    return day <= this.lastClosedDay();
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

  /** The built roll-ups that cover these whole days (months first, else days), and the days left to the live counters. */
  async cover(days: string[]): Promise<RollupCover> {
    const plan = this.plan(days);
    const monthsBuilt = await this.built(plan.months.map(monthPeriod));
    const periods = plan.months.filter((_month, index) => monthsBuilt[index]).map(monthPeriod);
    const candidates = [...plan.closedDays, ...plan.months.filter((_month, index) => !monthsBuilt[index]).flatMap(daysOfMonth)];
    const dayCover = await this.coverDays(candidates);
    return { periods: [...periods, ...dayCover.periods], liveDays: [...plan.openDays, ...dayCover.liveDays] };
  }

  /** Day by day: the built day roll-ups among these days, and the others (open, or not closed yet by the closer). */
  async coverDays(days: string[]): Promise<RollupCover> {
    const closed = days.filter((day) => this.isClosedDay(day));
    const built = await this.built(closed.map(dayPeriod));
    const builtDays = new Set(closed.filter((_day, index) => built[index]));
    return { periods: [...builtDays].map(dayPeriod), liveDays: days.filter((day) => !builtDays.has(day)) };
  }

  /** Reads each period's `metrics` under `prefix` (e.g. `*`, `c=voice`). */
  async readTotals(periods: Period[], prefix: string, metrics: readonly string[]): Promise<MetricTotals[]> {
    if (periods.length === 0) return [];
    const fields = metrics.map((metric) => `${prefix}|${metric}`);
    const rows = await Promise.all(periods.map((period) => this.redis.hmget(this.keys.reportRollup(period, 'totals'), ...fields)));
    return rows.map((values) => {
      const totals: MetricTotals = new Map();
      values.forEach((value, index) => addMetric(totals, metrics[index] as string, Number(value ?? 0)));
      return totals;
    });
  }

  /** Category counts per agent, summed over the periods. */
  async readAgents(periods: Period[], part: string): Promise<Map<string, MetricTotals>> {
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

  /**
   * The closer: builds the roll-up of every closed day from `firstDay` on, and of every closed month,
   * that is not built yet. Idempotent (two instances build the same thing); run in the background.
   */
  async closeDue(firstDay: string): Promise<{ days: number; months: number }> {
    const last = this.lastClosedDay();
    if (firstDay > last) return { days: 0, months: 0 };
    const days: string[] = [];
    for (let day = `${firstDay.slice(0, 7)}-01`; day <= last; day = this.calendar.addDays(day, 1)) days.push(day);
    let builtDays = 0;
    for (let start = 0; start < days.length; start += BATCH_DAYS) {
      const batch = days.slice(start, start + BATCH_DAYS);
      const built = await this.built(batch.map(dayPeriod));
      const missing = batch.filter((_day, index) => !built[index]);
      if (missing.length > 0) await this.buildDays(missing);
      builtDays += missing.length;
    }
    const months = [...new Set(days.map((day) => day.slice(0, 7)))].filter((month) => (daysOfMonth(month).at(-1) as string) <= last);
    const monthsBuilt = await this.built(months.map(monthPeriod));
    const missingMonths = months.filter((_month, index) => !monthsBuilt[index]);
    for (const month of missingMonths) await this.buildMonth(month);
    return { days: builtDays, months: missingMonths.length };
  }

  /**
   * Moves a re-tagged response's tag counts in the built roll-ups of its day and month (a roll-up
   * not built yet will read the moved day counters when it is).
   */
  async adjustTags(day: string, dimension: { channel: string; agentId: string; campaignId: string }, category: string, removed: readonly string[], added: readonly string[]): Promise<void> {
    const deltas = new Map<string, number>();
    for (const prefix of prefixesOf(dimension.channel, dimension.agentId, dimension.campaignId)) {
      for (const tag of removed) bump(deltas, `${prefix}|tag:${tag}:${category}`, -1);
      for (const tag of added) bump(deltas, `${prefix}|tag:${tag}:${category}`, 1);
    }
    const changes = [...deltas].filter(([, delta]) => delta !== 0).flatMap(([field, delta]) => [field, String(delta)]);
    if (changes.length === 0) return;
    await Promise.all([dayPeriod(day), monthPeriod(day.slice(0, 7))].map((period) => this.redis.adjustRollup(this.keys.reportRollup(period, 'totals'), BUILT, ...changes)));
  }

  private async built(periods: Period[]): Promise<boolean[]> {
    return (await Promise.all(periods.map((period) => this.redis.hexists(this.keys.reportRollup(period, 'totals'), BUILT)))).map((exists) => exists === 1);
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
    const built = await this.built(days.map(dayPeriod));
    const missing = days.filter((_day, index) => !built[index]);
    if (missing.length > 0) await this.buildDays(missing);
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
