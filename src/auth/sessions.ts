import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import { tokensMatch } from '../http/bearer-auth.js';

export interface Session {
  username: string;
  /** Sent back in every form of this session; a post without it is refused. */
  csrfToken: string;
  createdAt: number;
  /** Sessions signed in with ADMIN_TOKEN: an HMAC of that token, so a changed token ends them. */
  adminStamp?: string;
}

export interface SessionLimits {
  /** An unused session ends after this long. */
  idleSeconds: number;
  /** Every session ends this long after sign-in, however busy (SESSION_MAX_HOURS). */
  maxSeconds: number;
}

/** Redis holds the SHA-256 of the cookie's value, so a copy of the database signs nobody in. */
function storageHash(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** Keyed by the session's own form token, so the stamp tells nothing across sessions. */
function adminStamp(adminToken: string, session: Pick<Session, 'csrfToken'>): string {
  return createHmac('sha256', adminToken).update(`admin-session:${session.csrfToken}`).digest('base64url');
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** Supervisor sessions in Redis, shared by every app instance; they end when idle or too old. */
export class SessionStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly limits: SessionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cookie's lifetime: no longer than a session can live. */
  get cookieSeconds(): number {
    return Math.max(1, Math.ceil(Math.min(this.limits.idleSeconds, this.limits.maxSeconds)));
  }

  /** `adminToken`: the session signs in with ADMIN_TOKEN and lasts only while it stays the same. */
  async create(username: string, adminToken?: string): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString('base64url');
    const session: Session = { username, csrfToken: randomBytes(32).toString('base64url'), createdAt: this.now() };
    if (adminToken !== undefined) session.adminStamp = adminStamp(adminToken, session);
    await this.redis.set(this.keys.supervisorSession(storageHash(id)), JSON.stringify(session), 'EX', this.cookieSeconds);
    return { id, session };
  }

  /** The session, its idle timeout restarted (never past its maximum age); null when unknown, idle too long or too old. */
  async get(id: string): Promise<Session | null> {
    if (!SESSION_ID.test(id)) return null;
    const key = this.keys.supervisorSession(storageHash(id));
    const stored = await this.redis.get(key);
    if (!stored) return null;
    let session: Session;
    try {
      session = JSON.parse(stored) as Session;
    } catch {
      return null;
    }
    const msLeft = session.createdAt + this.limits.maxSeconds * 1000 - this.now();
    if (!(msLeft > 0)) {
      await this.redis.del(key);
      return null;
    }
    await this.redis.pexpire(key, Math.ceil(Math.min(this.limits.idleSeconds * 1000, msLeft)));
    return session;
  }

  /** True when the session was signed in with this ADMIN_TOKEN (false for one signed in with an earlier token). */
  signedInWith(session: Session, adminToken: string): boolean {
    return session.adminStamp !== undefined && tokensMatch(session.adminStamp, adminStamp(adminToken, session));
  }

  async destroy(id: string): Promise<void> {
    if (SESSION_ID.test(id)) await this.redis.del(this.keys.supervisorSession(storageHash(id)));
  }
}
