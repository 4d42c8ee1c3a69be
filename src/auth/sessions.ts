import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Keys } from '../redis/keys.js';

export interface Session {
  username: string;
  /** Sent back in every form of this session; a post without it is refused. */
  csrfToken: string;
  createdAt: number;
}

/** Redis holds the SHA-256 of the cookie's value, so a copy of the database signs nobody in. */
function storageHash(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** Supervisor sessions in Redis, shared by every app instance; idle ones expire after `ttlSeconds`. */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    readonly ttlSeconds: number,
  ) {}

  async create(username: string): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString('base64url');
    const session: Session = { username, csrfToken: randomBytes(32).toString('base64url'), createdAt: Date.now() };
    await this.redis.set(this.keys.supervisorSession(storageHash(id)), JSON.stringify(session), 'EX', this.ttlSeconds);
    return { id, session };
  }

  /** The session, its idle timeout restarted; null when unknown or expired. */
  async get(id: string): Promise<Session | null> {
    if (!SESSION_ID.test(id)) return null;
    const stored = await this.redis.getex(this.keys.supervisorSession(storageHash(id)), 'EX', this.ttlSeconds);
    if (!stored) return null;
    try {
      return JSON.parse(stored) as Session;
    } catch {
      return null;
    }
  }

  async destroy(id: string): Promise<void> {
    if (SESSION_ID.test(id)) await this.redis.del(this.keys.supervisorSession(storageHash(id)));
  }
}
