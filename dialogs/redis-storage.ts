import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { ClientContext, Redis, Result } from 'ioredis';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    writeBotStorage(numberOfKeys: number, ...keysAndArgs: string[]): Result<number, Context>;
  }
}

/**
 * Checks every eTag of a batch, then writes the whole batch, atomically.
 * KEYS: the items. ARGV: ttl seconds, then per item: expected eTag ('' or '*' = any), new JSON.
 */
const WRITE_LUA = `
for index, key in ipairs(KEYS) do
  local expected = ARGV[index * 2]
  if expected ~= '' and expected ~= '*' then
    local current = redis.call('GET', key)
    if current then
      local stored = cjson.decode(current)
      if stored.eTag ~= expected then
        return {err = 'eTag conflict on item ' .. index}
      end
    end
  end
end
local ttl = tonumber(ARGV[1])
for index, key in ipairs(KEYS) do
  if ttl > 0 then
    redis.call('SET', key, ARGV[index * 2 + 1], 'EX', ttl)
  else
    redis.call('SET', key, ARGV[index * 2 + 1])
  end
end
return #KEYS
`;

export class StorageConflictError extends Error {
  constructor(keys: string[]) {
    super(`Storage: error writing ${keys.map((key) => `"${key}"`).join(', ')} due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

export interface RedisStorageOptions {
  /** Maps a storage key to a Redis key (adds the prefix). */
  redisKey: (storageKey: string) => string;
  /** Items expire this long after their last write; 0 keeps them. */
  ttlSeconds: number;
}

/** Bot Framework `Storage` on Redis with real optimistic concurrency on eTags. */
export class RedisStorage implements Storage {
  constructor(
    private readonly redis: Redis,
    private readonly options: RedisStorageOptions,
  ) {
    if (typeof redis.writeBotStorage !== 'function') redis.defineCommand('writeBotStorage', { lua: WRITE_LUA });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys || keys.length === 0) return {};
    const values = await this.redis.mget(...keys.map(this.options.redisKey));
    const items: StoreItems = {};
    keys.forEach((key, index) => {
      const value = values[index];
      if (value) items[key] = JSON.parse(value) as unknown;
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) return;
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    const args: string[] = [String(this.options.ttlSeconds)];
    for (const key of keys) {
      const item = (changes[key] ?? {}) as { eTag?: unknown };
      const expected = typeof item.eTag === 'string' ? item.eTag : '';
      args.push(expected, JSON.stringify({ ...item, eTag: randomUUID() }));
    }
    try {
      await this.redis.writeBotStorage(keys.length, ...keys.map(this.options.redisKey), ...args);
    } catch (error) {
      if (error instanceof Error && error.message.includes('eTag conflict')) throw new StorageConflictError(keys);
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys || keys.length === 0) return;
    await this.redis.unlink(...keys.map(this.options.redisKey));
  }
}
