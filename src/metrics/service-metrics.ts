import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Keys } from '../redis/keys.js';
import type { RedisClient } from '../redis/redis-client.js';
import { consumerLag } from './consumer-lag.js';

export type SignatureRefusal = 'unconfigured' | 'missing' | 'invalid';
export type DialerCallOutcome = 'placed' | 'rejected' | 'failed';

export interface ServiceMetricsOptions {
  redis: RedisClient;
  keys: Keys;
  /** Consumer groups of the response event streams whose lag is reported. */
  consumerGroups: string[];
}

let processRegistry: Registry | undefined;

/** prom-client's process metrics (heap, GC, event loop lag, CPU), collected once per process: they describe the process, not an app in it. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * This instance's metrics, in a registry of its own (not prom-client's global one), so two apps in
 * one process (tests, benches) count apart; the process metrics are shared. Gauges that live in
 * Redis are read when scraped.
 */
export class ServiceMetrics {
  /** What /metrics shows: this instance's metrics and the process's. */
  readonly registry: Registry;
  private readonly own = new Registry();

  readonly turns = new Counter({
    name: 'survey_turns_total',
    help: 'Survey turns by channel and outcome: asked (a question follows), completed, opted_out, call_ended (status callback), busy (a racing turn), failed.',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.own],
  });

  readonly httpDuration = new Histogram({
    name: 'survey_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (webhooks included), by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.own],
  });

  readonly signatureRejections = new Counter({
    name: 'survey_webhook_signature_rejections_total',
    help: 'Twilio webhooks refused for their signature: missing, invalid (often a PUBLIC_URL that is not what Twilio calls), or unconfigured (no TWILIO_AUTH_TOKEN).',
    labelNames: ['reason'] as const,
    registers: [this.own],
  });

  readonly redisErrors = new Counter({ name: 'survey_redis_errors_total', help: "Errors on the request path's Redis connection.", registers: [this.own] });
  readonly redisReconnects = new Counter({ name: 'survey_redis_reconnects_total', help: "Reconnections of the request path's Redis connection.", registers: [this.own] });
  readonly replicaShortfalls = new Counter({
    name: 'survey_redis_replica_shortfalls_total',
    help: 'Survey turns acknowledged before REDIS_WAIT_REPLICAS replicas had them.',
    registers: [this.own],
  });

  readonly dialerCalls = new Counter({
    name: 'survey_dialer_calls_total',
    help: "Dialer call creates by outcome: placed (Twilio accepted), rejected (Twilio refused the number), failed (API error or timeout; reconciled before a retry).",
    labelNames: ['outcome'] as const,
    registers: [this.own],
  });

  readonly invitationsSent = new Counter({
    name: 'survey_invitations_sent_total',
    help: 'Text survey invitations by channel and outcome (sent, do-not-call, invalid-number, failed).',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.own],
  });

  readonly alertDeliveries = new Counter({
    name: 'survey_alert_deliveries_total',
    help: 'Webhook alert attempts by kind (detractor, digest) and outcome (delivered, retrying, failed, skipped, suppressed).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.own],
  });

  readonly rateLimitRefusals = new Counter({
    name: 'survey_rate_limit_refusals_total',
    help: 'Requests refused with 429 by the public rate limits, by route class (tokens, chat, pages, signIn) and scope (address, global).',
    labelNames: ['route_class', 'scope'] as const,
    registers: [this.own],
  });

  constructor(options: ServiceMetricsOptions) {
    const { redis, keys } = options;
    new Gauge({
      name: 'survey_dialer_calls_in_progress',
      help: 'Dialer calls holding a slot (placed and not yet ended), across every instance.',
      registers: [this.own],
      async collect() {
        this.set(await redis.zcard(keys.callsInProgress()));
      },
    });
    new Gauge({
      name: 'survey_event_consumer_lag',
      help: 'Response events not yet read by a consumer group, summed over the partition streams.',
      labelNames: ['group'] as const,
      registers: [this.own],
      async collect() {
        for (const group of options.consumerGroups) this.set({ group }, await consumerLag(redis, keys, group));
      },
    });
    new Gauge({
      name: 'survey_event_consumer_pending',
      help: 'Response events read by a consumer group and not yet acknowledged, summed over the partition streams.',
      labelNames: ['group'] as const,
      registers: [this.own],
      async collect() {
        for (const group of options.consumerGroups) this.set({ group }, await consumerLag(redis, keys, group, 'pending'));
      },
    });
    this.registry = Registry.merge([this.own, processMetrics()]);
  }
}
