import type { ClientContext, Redis, Result } from 'ioredis';
import { defineLuaCommands } from './lua-commands.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    releaseIfHolder(key: string, holder: string): Result<number, Context>;
  }
}

/** Deletes a lock or lease only while `holder` still holds it: a holder whose lease expired never frees someone else's. */
export async function releaseIfHolder(redis: Redis, key: string, holder: string): Promise<void> {
  defineLuaCommands(redis, import.meta.url, [{ name: 'releaseIfHolder', file: 'release-if-holder.lua', numberOfKeys: 1 }]);
  await redis.releaseIfHolder(key, holder);
}
