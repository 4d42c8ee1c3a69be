import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from 'ioredis';
import { connectRedisCluster, untilReady } from '../../src/redis/connect.js';
import { createKeys } from '../../src/redis/keys.js';
import { ContactImport } from '../../voice/campaigns/contact-import.js';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';

describe('automatic pipelines on a Redis Cluster', () => {
  let redis: TestRedis;
  let client: Cluster;
  beforeAll(async () => {
    redis = await createTestRedis();
    // The service's own client: automatic pipelines on, as on the request path.
    client = connectRedisCluster(redis.clusterNodes ?? '');
    await untilReady(client);
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.cleanup();
  });

  /** The address of the master that serves `key`'s slot. */
  const nodeOf = async (key: string): Promise<string | undefined> => client.slots[Number(await client.cluster('KEYSLOT', key))]?.[0];

  it('when a script that takes its key count first runs beside writes for another node, then it still reaches the node of its keys', async () => {
    const keys = createKeys(redis.prefix);
    // One contact: the staging list, then the contact's hash, phone index and customer index.
    const keyCount = 4;
    const countNode = await nodeOf(String(keyCount));
    let campaignId = '';
    for (let candidate = 0; campaignId === ''; candidate += 1) if ((await nodeOf(keys.campaign(`c${candidate}`))) !== countNode) campaignId = `c${candidate}`;
    let neighbour = '';
    for (let candidate = 0; neighbour === ''; candidate += 1) if ((await nodeOf(`${redis.prefix}n${candidate}`)) === countNode) neighbour = `${redis.prefix}n${candidate}`;

    const contactImport = new ContactImport(client, keys, campaignId);
    const staging = keys.campaignImport(campaignId, contactImport.id);
    const contact = keys.campaignContact(campaignId, '1');
    const phoneIndex = keys.campaignContactsOfPhone(campaignId, '+12125550001');
    // Sent in one tick: the writes to the node of the slot of "4" and the script share its automatic pipeline unless the script is kept out.
    const [, staged] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, (_, index) => client.set(neighbour, String(index)))),
      client.campaignStageContacts(keyCount, staging, contact, phoneIndex, contact, '60', '1', '1', 'phone', '+12125550001'),
    ]);
    expect(staged).toBe(1);
    expect(await client.lrange(staging, 0, -1)).toEqual(['1']);
    expect(await client.hgetall(contact)).toEqual({ phone: '+12125550001' });
  });
});
