import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import { hashPassword, passwordProblem, verifyPassword } from './password-hash.js';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
/** Signing in with ADMIN_TOKEN as the password makes a session for this name; no account may take it. */
export const ADMIN_USERNAME = 'admin';

export class AccountError extends Error {}

export function usernameProblem(username: string): string | null {
  if (!USERNAME_PATTERN.test(username)) return 'must be 2-32 characters: lowercase letters, digits, . _ - (starting with a letter or digit)';
  if (username === ADMIN_USERNAME) return `"${ADMIN_USERNAME}" is reserved for signing in with ADMIN_TOKEN`;
  return null;
}

/** Named supervisor accounts in Redis: a bcrypt hash each, never the password. */
export class SupervisorAccounts {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  async add(username: string, password: string): Promise<void> {
    this.check(username, password);
    const hash = await hashPassword(password);
    const created = await this.redis.hsetnx(this.keys.supervisor(username), 'passwordHash', hash);
    if (created === 0) throw new AccountError(`supervisor "${username}" already exists`);
    await this.redis.multi().hset(this.keys.supervisor(username), { username, createdAt: new Date().toISOString(), passwordChangedAt: String(Date.now()) }).sadd(this.keys.supervisors(), username).exec();
  }

  /** A new password also ends the supervisor's sessions (they were started before the change). */
  async setPassword(username: string, password: string): Promise<void> {
    this.check(username, password);
    if (!(await this.exists(username))) throw new AccountError(`no supervisor "${username}"`);
    await this.redis.hset(this.keys.supervisor(username), { passwordHash: await hashPassword(password), passwordChangedAt: String(Date.now()) });
  }

  async remove(username: string): Promise<boolean> {
    const [[, removed]] = ((await this.redis.multi().del(this.keys.supervisor(username)).srem(this.keys.supervisors(), username).exec()) ?? [[null, 0]]) as [[unknown, number]];
    return removed === 1;
  }

  async list(): Promise<string[]> {
    return (await this.redis.smembers(this.keys.supervisors())).sort();
  }

  async exists(username: string): Promise<boolean> {
    return USERNAME_PATTERN.test(username) && (await this.redis.hexists(this.keys.supervisor(username), 'passwordHash')) === 1;
  }

  /** When the password last changed (ms), or null when the account is gone: sessions older than this are over. */
  async passwordChangedAt(username: string): Promise<number | null> {
    const value = await this.redis.hget(this.keys.supervisor(username), 'passwordChangedAt');
    return value === null ? null : Number(value);
  }

  async verify(username: string, password: string): Promise<boolean> {
    const hash = USERNAME_PATTERN.test(username) ? await this.redis.hget(this.keys.supervisor(username), 'passwordHash') : null;
    return verifyPassword(password, hash);
  }

  private check(username: string, password: string): void {
    const problem = usernameProblem(username);
    if (problem) throw new AccountError(`username ${problem}`);
    const weak = passwordProblem(password);
    if (weak) throw new AccountError(`password ${weak}`);
  }
}
