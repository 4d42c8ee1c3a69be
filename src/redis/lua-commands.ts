import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cluster } from 'ioredis';
import type { RedisClient } from './redis-client.js';
import { findUp } from '../http/public-dir.js';

/** A Lua script kept as a `.lua` file beside the module that runs it, defined on the client as a command. */
export interface LuaCommand {
  name: string;
  /** The `.lua` file, relative to the module's own directory. */
  file: string;
  /** How many of the arguments are keys; absent when the caller says so with each call (its first argument). */
  numberOfKeys?: number;
}

const sources = new Map<string, string>();

/**
 * The directory of a module in the source tree: `tsc` compiles `x/y.ts` to `dist/x/y.js` and
 * leaves the `.lua` files where they are, so code running from `dist/` reads them from the source.
 */
function sourceDirOf(moduleUrl: string): string {
  const dir = dirname(fileURLToPath(moduleUrl));
  const root = findUp(dir, (candidate) => existsSync(join(candidate, 'package.json')), 'package.json');
  const inRoot = relative(root, dir);
  return inRoot === 'dist' || inRoot.startsWith(`dist${sep}`) ? join(root, inRoot.slice('dist'.length)) : dir;
}

export function luaSource(moduleUrl: string, file: string): string {
  const path = join(sourceDirOf(moduleUrl), file);
  let source = sources.get(path);
  if (source === undefined) {
    source = readFileSync(path, 'utf8');
    sources.set(path, source);
  }
  return source;
}

/**
 * Defines each command on the client once (ioredis then runs it with EVALSHA, falling back to EVAL).
 * Call it when the client is set up, before traffic: a command defined while one of ioredis's
 * auto-pipelines is pending breaks that pipeline.
 */
export function defineLuaCommands(redis: RedisClient, moduleUrl: string, commands: readonly LuaCommand[]): void {
  for (const command of commands) {
    if (typeof (redis as unknown as Record<string, unknown>)[command.name] === 'function') continue;
    const lua = luaSource(moduleUrl, command.file);
    redis.defineCommand(command.name, command.numberOfKeys === undefined ? { lua } : { numberOfKeys: command.numberOfKeys, lua });
    if (command.numberOfKeys === undefined && redis instanceof Cluster) keepOutOfAutoPipelines(redis, command.name);
  }
}

/**
 * On a Cluster, ioredis sends an automatically pipelined call to the node of its first argument,
 * which for a script that takes its key count first is that number: the call lands on another
 * node, and when that node's batch holds other writes, its MOVED reply fails the call instead of
 * being followed. Sent on its own, the call goes to the node of its first key.
 */
function keepOutOfAutoPipelines(cluster: Cluster, name: string): void {
  const ignored = cluster.options.autoPipeliningIgnoredCommands ?? [];
  if (!ignored.includes(name)) cluster.options.autoPipeliningIgnoredCommands = [...ignored, name];
}
