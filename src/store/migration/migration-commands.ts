import type { ClientContext, Redis, Result } from 'ioredis';
import { defineLuaCommands } from '../../redis/lua-commands.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    migrationMoveResponse(...keysAndId: string[]): Result<'moved' | 'gone' | 'conflict', Context>;
    migrationMoveKey(oldKey: string, newKey: string, mode: 'add' | 'keep'): Result<number, Context>;
  }
}

/** The migration's scripts, defined on its client before any traffic. */
export function defineMigrationCommands(redis: Redis): void {
  defineLuaCommands(redis, import.meta.url, [
    { name: 'migrationMoveResponse', file: 'move-response.lua', numberOfKeys: 16 },
    { name: 'migrationMoveKey', file: 'move-key.lua', numberOfKeys: 2 },
  ]);
}

/** Every key matching `pattern`, a page at a time (keys renamed away meanwhile are simply not seen again). */
export async function* scanKeys(redis: Redis, pattern: string, count = 1000): AsyncGenerator<string[]> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', count);
    cursor = next;
    if (keys.length > 0) yield keys;
  } while (cursor !== '0');
}
