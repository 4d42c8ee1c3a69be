import type { Redis } from 'ioredis';
import type { Keys } from '../redis/keys.js';
import { CHANNELS } from '../store/response-record.js';
import { startOfUtcDay, utcDay } from './day-span.js';
import { addMetric, CATEGORY_METRICS, ROLLUP_METRICS, type MetricTotals } from './metric-totals.js';
import { parseCounterField, type ReportFilter } from './report-filter.js';

const DAY_MS = 86_400_000;
/** Today and yesterday stay live: a turn stamped by an instance whose clock lags may still land on yesterday. */
const OPEN_DAYS = 2;
const BUILT = '_built';
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORY_METRICS);
const ROLLUP_SET: ReadonlySet<string> = new Set(ROLLUP_METRICS);

/** `D2026-11-01` or `M2026-11`. */
export type Period = string;

export const dayPeriod = (day: string): Period => `D${day}`;
export const monthPeriod = (month: string): Period => `M${month}`;

/** The roll-up field prefix that answers this filter, or null when only the live counters can (tag, or two dimensions at once). */
export function totalsPrefix(filter: ReportFilter): string | null {
  if (filter.tag) return null;
  const set = [filter.channel, filter.agentId, filter.campaignId].filter((value) => value !== undefined).length;
  if (set === 0) return '*';
  if (set > 1) return null;
  if (filter.channel) return `c:${filter.channel}`;
  if (filter.agentId) return `a:${filter.agentId}`;
  return `k:${filter.campaignId ?? ''}`;
}

/** The per-agent roll-up part for this filter (all channels, or one), or null. */
export function agentsPart(filter: ReportFilter): string | null {
  if (filter.tag || filter.agentId || filter.campaignId) return null;
  return filter.channel ? `agents:${filter.channel}` : 'agents';
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
  if (!map) content.agents.set(part, (map = new Map()));
  bump(map, field, count);
}

/** Projects one day's live counter hash onto the roll-up fields: all, per channel, per agent, per campaign. */
function projectDay(hash: Record<string, string>): RollupContent {
  const content = emptyContent();
  for (const [field, value] of Object.entries(hash)) {
    const dimension = parseCounterField(field);
    if (!dimension || !ROLLUP_SET.has(dimension.metric)) continue;
    const count = Number(value);
    if (!count) continue;
    const { channel, agentId, campaignId, metric } = dimension;
    for (const prefix of ['*', `c:${channel}`, `a:${agentId}`, `k:${campaignId}`]) bump(content.totals, `${prefix}|${metric}`, count);
    if (CATEGORY_SET.has(metric)) {
      bumpAgent(content, 'agents', `${agentId}|${metric}`, count);
      bumpAgent(content, `agents:${channel}`, `${agentId}|${metric}`, count);
    }
  }
  return content;
}

function addHash(target: Map<string, number>, hash: Record<string, string>): void {
  for (const [field, value] of Object.entries(hash)) if (field !== BUILT) bump(target, field, Number(value));
}

function daysOfMonth(month: string): string[] {
  const start = Date.parse(`${month}-01T00:00:00Z`);
  const days: string[] = [];
  for (let day = start; utcDay(day).startsWith(month); day += DAY_MS) days.push(utcDay(day));
  return days;
}

/**
 * Roll-ups of closed days and months, built once from the day counters and kept in Redis for every
 * instance: a year of figures reads a dozen month hashes instead of hundreds of thousands of counter
 * fields. Only counts that can no longer change are rolled up: days before yesterday, and no tag counts.
 */
export class ReportRollups {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly now: () => number = Date.now,
  ) {}

  isClosedDay(day: string): boolean {
    return Date.parse(`${day}T00:00:00Z`) <= startOfUtcDay(this.now()) - OPEN_DAYS * DAY_MS;
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
    const pipeline = this.redis.pipeline();
    const fields = ROLLUP_METRICS.map((metric) => `${prefix}|${metric}`);
    for (const period of periods) pipeline.hmget(this.keys.reportRollup(period, 'totals'), ...fields);
    return ((await pipeline.exec()) ?? []).map(([, values]) => {
      const totals: MetricTotals = new Map();
      ((values ?? []) as Array<string | null>).forEach((value, index) => addMetric(totals, ROLLUP_METRICS[index] as string, Number(value ?? 0)));
      return totals;
    });
  }

  /** Category counts per agent, summed over the periods. */
  async readAgents(periods: Period[], part: string): Promise<Map<string, MetricTotals>> {
    await this.ensure(periods);
    const pipeline = this.redis.pipeline();
    for (const period of periods) pipeline.hgetall(this.keys.reportRollup(period, part));
    const byAgent = new Map<string, MetricTotals>();
    for (const [, hash] of (await pipeline.exec()) ?? []) {
      for (const [field, value] of Object.entries((hash ?? {}) as Record<string, string>)) {
        const bar = field.lastIndexOf('|');
        const agentId = field.slice(0, bar);
        let totals = byAgent.get(agentId);
        if (!totals) byAgent.set(agentId, (totals = new Map()));
        addMetric(totals, field.slice(bar + 1), Number(value));
      }
    }
    return byAgent;
  }

  /** Builds the roll-ups of these periods that do not exist yet (idempotent: two instances build the same thing). */
  async ensure(periods: Period[]): Promise<void> {
    if (periods.length === 0) return;
    const check = this.redis.pipeline();
    for (const period of periods) check.hexists(this.keys.reportRollup(period, 'totals'), BUILT);
    const built = ((await check.exec()) ?? []).map(([, exists]) => exists === 1);
    const missing = periods.filter((_, index) => !built[index]);
    const missingDays = missing.filter((period) => period.startsWith('D')).map((period) => period.slice(1));
    const missingMonths = missing.filter((period) => period.startsWith('M')).map((period) => period.slice(1));
    if (missingDays.length > 0) await this.buildDays(missingDays);
    for (const month of missingMonths) await this.buildMonth(month);
  }

  private async buildDays(days: string[]): Promise<void> {
    for (let start = 0; start < days.length; start += 31) {
      const batch = days.slice(start, start + 31);
      const read = this.redis.pipeline();
      for (const day of batch) read.hgetall(this.keys.dailyCounters(day));
      const hashes = ((await read.exec()) ?? []).map(([, hash]) => (hash ?? {}) as Record<string, string>);
      await Promise.all(batch.map((day, index) => this.write(dayPeriod(day), projectDay(hashes[index] ?? {}))));
    }
  }

  private async buildMonth(month: string): Promise<void> {
    const days = daysOfMonth(month);
    await this.ensure(days.map(dayPeriod));
    const parts = ['totals', 'agents', ...CHANNELS.map((channel) => `agents:${channel}`)];
    const read = this.redis.pipeline();
    for (const day of days) for (const part of parts) read.hgetall(this.keys.reportRollup(dayPeriod(day), part));
    const replies = (await read.exec()) ?? [];
    const content = emptyContent();
    replies.forEach(([, hash], index) => {
      const part = parts[index % parts.length] as string;
      const target = part === 'totals' ? content.totals : (content.agents.get(part) ?? content.agents.set(part, new Map()).get(part));
      if (target) addHash(target, (hash ?? {}) as Record<string, string>);
    });
    await this.write(monthPeriod(month), content);
  }

  /** Replaces a period's roll-up atomically (concurrent calls go out pipelined on the one connection). */
  private async write(period: Period, content: RollupContent): Promise<void> {
    const agentParts = ['agents', ...CHANNELS.map((channel) => `agents:${channel}`)];
    const pipeline = this.redis.multi();
    pipeline.del(this.keys.reportRollup(period, 'totals'), ...agentParts.map((part) => this.keys.reportRollup(period, part)));
    pipeline.hset(this.keys.reportRollup(period, 'totals'), { ...Object.fromEntries(content.totals), [BUILT]: new Date(this.now()).toISOString() });
    for (const [part, fields] of content.agents) if (fields.size > 0) pipeline.hset(this.keys.reportRollup(period, part), Object.fromEntries(fields));
    await pipeline.exec();
  }
}
