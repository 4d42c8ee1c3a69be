import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisCluster, type TestRedisCluster } from '../support/redis-cluster.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

const CALLERS = 4;
/** Acknowledged scores wanted before the kill, and again once the cluster is whole, to show the service is back. */
const TURNS_PER_PHASE = 20;

interface Acknowledged {
  callSid: string;
  score: number;
  at: number;
}

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a master of the Redis Cluster killed mid-run, with REDIS_WAIT_REPLICAS=1', () => {
  // A cluster of this test's own (the run's cluster serves other tests meanwhile), with a short
  // node timeout so its replica takes over within seconds.
  let cluster: TestRedisCluster;
  let redis: TestRedis;
  let app: TestApp;
  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1, nodeTimeoutMs: 1000 });
    redis = await createTestRedis(cluster.seeds);
    app = await startTestApp({ REDIS_WAIT_REPLICAS: '1' }, { onRedis: redis });
  });
  afterAll(async () => {
    try {
      await app?.close();
      redis?.redis.disconnect();
    } finally {
      await cluster?.stop();
    }
  });

  it('when callers keep scoring while a master dies, then its replica takes over, the service carries on by itself, and every acknowledged score is stored', async () => {
    const acknowledged: Acknowledged[] = [];
    let running = true;
    const caller = async (): Promise<void> => {
      while (running) {
        const callSid = newCallSid();
        const score = Math.floor(Math.random() * 11);
        const opening = await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
        if (!opening.body.includes('<Gather')) continue;
        const reply = await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=score&attempt=1&lang=en`, callFields(callSid, { Digits: String(score) }));
        // What the caller hears as their score taken; a failed turn hears an apology instead.
        if (reply.status === 200 && reply.body.includes(`Thank you: ${score} out of 10.`)) acknowledged.push({ callSid, score, at: Date.now() });
      }
    };
    const callers = Array.from({ length: CALLERS }, () => caller());
    try {
      await until('scores before the kill', () => acknowledged.length >= TURNS_PER_PHASE, 15_000);

      const [victimPort] = await cluster.masterPorts();
      const victim = cluster.nodes.find((node) => node.port === victimPort);
      if (!victim) throw new Error('no master to kill');
      victim.kill('SIGKILL');
      await victim.exited;
      const killedAt = Date.now();

      await cluster.untilHealthy(15_000);
      const masters = await cluster.masterPorts();
      expect(masters).toHaveLength(3);
      expect(masters).not.toContain(victimPort);

      const healedAt = Date.now();
      await until('scores after the failover', () => acknowledged.filter((turn) => turn.at > healedAt).length >= TURNS_PER_PHASE, 15_000);
      expect(acknowledged.some((turn) => turn.at > killedAt)).toBe(true);
    } finally {
      running = false;
      await Promise.all(callers);
    }

    const lost: Acknowledged[] = [];
    for (const turn of acknowledged) {
      const record = await app.services.store.get(turn.callSid);
      if (record?.score !== turn.score) lost.push(turn);
    }
    expect(lost).toEqual([]);
  }, 60_000);
});
