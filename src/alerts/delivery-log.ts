import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import { pairsToObject } from '../store/record-codec.js';

/** `suppressed`: the flood caps held alerts back (kind `flood`, the count in `error`). */
export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed' | 'skipped' | 'suppressed';

export interface DeliveryAttempt {
  at: string;
  /** `detractor`, `digest` or `flood`. */
  kind: string;
  /** The response (detractor) or day (digest) it was about. */
  subject: string;
  deliveryId: string;
  attempt: number;
  outcome: DeliveryOutcome;
  /** HTTP status from the receiver; 0 when none came (timeout, refused connection). */
  status: number;
  error: string;
  ms: number;
}

const KEEP = 10_000;

/** Every webhook attempt, newest last, capped; what supervisors see at /review/alerts. */
export class DeliveryLog {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    /** Told every attempt recorded (metrics). */
    private readonly onRecord?: (attempt: Pick<DeliveryAttempt, 'kind' | 'outcome'>) => void,
  ) {}

  async record(attempt: Omit<DeliveryAttempt, 'at'>): Promise<void> {
    this.onRecord?.(attempt);
    const fields = { at: new Date().toISOString(), ...attempt, attempt: String(attempt.attempt), status: String(attempt.status), ms: String(attempt.ms) };
    await this.redis.xadd(this.keys.alertDeliveries(), 'MAXLEN', '~', KEEP, '*', ...Object.entries(fields).flat());
  }

  async newest(limit: number): Promise<DeliveryAttempt[]> {
    const entries = await this.redis.xrevrange(this.keys.alertDeliveries(), '+', '-', 'COUNT', limit);
    return entries.map(([, fields]) => {
      const entry = pairsToObject(fields);
      return {
        at: entry.at ?? '',
        kind: entry.kind ?? '',
        subject: entry.subject ?? '',
        deliveryId: entry.deliveryId ?? '',
        attempt: Number(entry.attempt ?? 0),
        outcome: (entry.outcome ?? 'failed') as DeliveryOutcome,
        status: Number(entry.status ?? 0),
        error: entry.error ?? '',
        ms: Number(entry.ms ?? 0),
      };
    });
  }
}
