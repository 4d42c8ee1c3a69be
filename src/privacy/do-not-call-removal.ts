import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';

/**
 * Taking a number or a customer off the do-not-call list: the one change to it that is not an
 * opt-out, so only the bearer API does it (with an audit line), and erasure never does.
 */
export class DoNotCallRemoval {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** True when the number was on the list. */
  async removePhone(phone: string): Promise<boolean> {
    return (await this.redis.srem(this.keys.doNotCall(), phone)) === 1;
  }

  /** True when the customer id was on the list. */
  async removeCustomer(customerId: string): Promise<boolean> {
    return (await this.redis.srem(this.keys.optedOutCustomers(), customerId)) === 1;
  }
}
