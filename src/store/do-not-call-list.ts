import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';

/** Numbers (E.164) never to call, and customer ids that opted out in chat. */
export class DoNotCallList {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  async addPhones(phones: string[]): Promise<number> {
    if (phones.length === 0) return 0;
    return this.redis.sadd(this.keys.doNotCall(), ...phones);
  }

  async hasPhone(phone: string): Promise<boolean> {
    return (await this.redis.sismember(this.keys.doNotCall(), phone)) === 1;
  }

  async addCustomer(customerId: string): Promise<void> {
    await this.redis.sadd(this.keys.optedOutCustomers(), customerId);
  }

  async hasCustomer(customerId: string): Promise<boolean> {
    return (await this.redis.sismember(this.keys.optedOutCustomers(), customerId)) === 1;
  }
}
