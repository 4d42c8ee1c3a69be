import type { Redis } from 'ioredis';
import type { Keys } from '../redis/keys.js';
import { splitIntoDays, startOfUtcDay } from './day-span.js';
import { emptyCounts, type CategoryCounts } from './nps.js';
import { matchesFilter, parseCounterField, type ReportFilter } from './report-filter.js';

const CATEGORY_FIELD: Record<string, keyof CategoryCounts> = { promoter: 'promoters', passive: 'passives', detractor: 'detractors' };
const DAY_MS = 86_400_000;

/**
 * Category counts of scored responses over any time range, from the day counters kept at write
 * time: whole days cost one hash read each; only the partial days at the edges read responses.
 */
export class ScoreCounts {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly now: () => number = Date.now,
  ) {}

  /** [from, to) with the defaults filled in: from the first scored response until the end of today. */
  async resolveRange(filter: ReportFilter): Promise<[number, number]> {
    const to = filter.to?.getTime() ?? startOfUtcDay(this.now()) + DAY_MS;
    if (filter.from) return [filter.from.getTime(), to];
    const first = await this.redis.zrange(this.keys.responsesByScoreTime(), 0, 0, 'WITHSCORES');
    const firstScoredAt = first[1] === undefined ? to : Number(first[1]);
    return [startOfUtcDay(firstScoredAt), to];
  }

  async count(filter: ReportFilter): Promise<CategoryCounts> {
    const [from, to] = await this.resolveRange(filter);
    return this.countRange(from, to, filter);
  }

  async countRange(from: number, to: number, filter: ReportFilter): Promise<CategoryCounts> {
    const span = splitIntoDays(from, to);
    const [whole, partial] = await Promise.all([this.countWholeDays(span.wholeDays, filter), this.countResponses(span.partialRanges, filter)]);
    return { promoters: whole.promoters + partial.promoters, passives: whole.passives + partial.passives, detractors: whole.detractors + partial.detractors };
  }

  /** Reads the day counter hashes, summing the category metrics that match the filter. */
  async countWholeDays(days: string[], filter: ReportFilter): Promise<CategoryCounts> {
    const counts = emptyCounts();
    if (days.length === 0) return counts;
    const pipeline = this.redis.pipeline();
    for (const day of days) pipeline.hgetall(this.keys.dailyCounters(day));
    for (const [, hash] of (await pipeline.exec()) ?? []) {
      for (const [field, value] of Object.entries((hash ?? {}) as Record<string, string>)) {
        const dimension = parseCounterField(field);
        const target = dimension ? CATEGORY_FIELD[dimension.metric] : undefined;
        if (dimension && target && matchesFilter(dimension, filter)) counts[target] += Number(value);
      }
    }
    return counts;
  }

  private async countResponses(ranges: Array<[number, number]>, filter: ReportFilter): Promise<CategoryCounts> {
    const counts = emptyCounts();
    for (const [start, end] of ranges) {
      const ids = await this.redis.zrangebyscore(this.keys.responsesByScoreTime(), start, `(${end}`);
      if (ids.length === 0) continue;
      const pipeline = this.redis.pipeline();
      for (const id of ids) pipeline.hmget(this.keys.response(id), 'category', 'channel', 'agentId', 'campaignId');
      for (const [, fields] of (await pipeline.exec()) ?? []) {
        const [category, channel, agentId, campaignId] = (fields ?? []) as Array<string | null>;
        const target = category ? CATEGORY_FIELD[category] : undefined;
        const dimension = { channel: channel ?? '-', agentId: agentId || '-', campaignId: campaignId || '-' };
        if (target && matchesFilter(dimension, filter)) counts[target] += 1;
      }
    }
    return counts;
  }
}
