import type { ClientContext, Result } from 'ioredis';
import type { RedisClient } from './redis-client.js';
import { defineLuaCommands } from './lua-commands.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    releaseIfHolder(key: string, holder: string): Result<number, Context>;
  }
}

/**
 * Defines `releaseIfHolder` on the client. Call it where the client's other commands are defined,
 * before traffic: ioredis's auto-pipelining breaks when a command is defined while a pipeline is pending.
 */
export function defineReleaseIfHolder(redis: RedisClient): void {
  defineLuaCommands(redis, import.meta.url, [{ name: 'releaseIfHolder', file: 'release-if-holder.lua', numberOfKeys: 1 }]);
}

/** Deletes a lock or lease only while `holder` still holds it: a holder whose lease expired never frees someone else's. */
export async function releaseIfHolder(redis: RedisClient, key: string, holder: string): Promise<void> {
  await redis.releaseIfHolder(key, holder);
}
