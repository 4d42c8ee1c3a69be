import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContactSurveyStore } from '../../contacts/contact-survey-store.js';
import { samplePosition, sampledIn, surveyIdOf, withOverrides } from '../../contacts/survey-policy.js';
import { createKeys } from '../../src/redis/keys.js';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';

const DAY_MS = 24 * 3600 * 1000;

describe('the survey policy', () => {
  it('when a contact id is placed for sampling, then its place is fixed (same on every instance and version) and shares follow the percentage', () => {
    expect(samplePosition('call-0001')).toBeCloseTo(73.50950394757092, 6);
    const ids = Array.from({ length: 10_000 }, (_unused, index) => `contact-${index}`);
    for (const percent of [0, 10, 30, 100]) {
      const share = (ids.filter((id) => sampledIn(id, percent)).length / ids.length) * 100;
      expect(Math.abs(share - percent)).toBeLessThan(2);
    }
    expect(surveyIdOf('call-0001')).toBe(surveyIdOf('call-0001'));
    expect(surveyIdOf('call-0001')).not.toBe(surveyIdOf('call-0002'));
  });

  it('when a request overrides part of the policy, then the rest stays as configured', () => {
    const policy = { delayMinutes: 10, samplePercent: 100, minDaysBetween: 7, channels: ['sms' as const, 'voice' as const] };
    expect(withOverrides(policy, { samplePercent: 20, channels: ['voice', 'voice'] })).toEqual({ delayMinutes: 10, samplePercent: 20, minDaysBetween: 7, channels: ['voice'] });
    expect(withOverrides(policy, undefined)).toBe(policy);
  });
});

describe('the fatigue marks', () => {
  let t: TestRedis;
  let store: ContactSurveyStore;
  beforeEach(async () => {
    t = await createTestRedis();
    store = new ContactSurveyStore(t.redis, createKeys(t.prefix));
  });
  afterEach(async () => t.cleanup());

  it('when surveys of one customer arrive out of order, then each is compared with the latest and a refusal marks nothing', async () => {
    const day = (n: number) => new Date(Date.UTC(2026, 2, 1) + n * DAY_MS);
    expect(await store.claimFatigue('a', { customerId: 'c1', phone: '+12125550001' }, day(10), 7)).toBe(true);
    expect(await store.claimFatigue('a', { customerId: 'c1', phone: '+12125550001' }, day(10), 7)).toBe(true);
    expect(await store.claimFatigue('b', { customerId: 'c1' }, day(0), 7)).toBe(true);
    expect(await store.claimFatigue('c', { customerId: 'c1' }, day(5), 7)).toBe(false);
    // The customer is free, the number is not: the customer's claim is taken back.
    expect(await store.claimFatigue('d', { customerId: 'c2', phone: '+12125550001' }, day(12), 7)).toBe(false);
    expect(await store.claimFatigue('e', { customerId: 'c2' }, day(12), 7)).toBe(true);
    expect(await store.claimFatigue('f', { customerId: 'c1' }, day(12), 1)).toBe(true);
  });
});
