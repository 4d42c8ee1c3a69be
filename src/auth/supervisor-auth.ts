import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { bearerToken, tokensMatch } from '../http/bearer-auth.js';
import { ADMIN_USERNAME, type SupervisorAccounts } from './supervisor-accounts.js';
import type { SessionStore } from './sessions.js';
import { readCookie, SESSION_COOKIE } from './session-cookie.js';

/** Who is asking: a script with the bearer ADMIN_TOKEN, or a person with a session cookie. */
export interface SupervisorIdentity {
  username: string;
  via: 'bearer' | 'session';
  /** The session's form token; null for bearer callers, who carry no ambient credentials to forge. */
  csrfToken: string | null;
  sessionId: string | null;
}

export interface SupervisorAuthOptions {
  adminToken: string;
  sessions: SessionStore;
  accounts: SupervisorAccounts;
  /** PUBLIC_URL: a form post whose Origin is neither this nor the Host it was sent to is refused. */
  publicUrl: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameToken(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function identityOf(response: Response): SupervisorIdentity | undefined {
  return response.locals.supervisor as SupervisorIdentity | undefined;
}

/** Bearer token and session cookie checks for pages and the JSON API, and the CSRF check for forms. */
export class SupervisorAuth {
  constructor(private readonly options: SupervisorAuthOptions) {}

  async identify(request: Request): Promise<SupervisorIdentity | null> {
    const token = bearerToken(request);
    if (token !== undefined) return tokensMatch(token, this.options.adminToken) ? { username: ADMIN_USERNAME, via: 'bearer', csrfToken: null, sessionId: null } : null;
    const sessionId = readCookie(request, SESSION_COOKIE);
    if (!sessionId) return null;
    const session = await this.options.sessions.get(sessionId);
    if (!session) return null;
    if (session.username === ADMIN_USERNAME) {
      // Signed in with ADMIN_TOKEN: a changed token ends the session.
      if (!this.options.sessions.signedInWith(session, this.options.adminToken)) return null;
    } else {
      // A removed account, or a password changed since, ends the session.
      const changedAt = await this.options.accounts.passwordChangedAt(session.username);
      if (changedAt === null || changedAt > session.createdAt) return null;
    }
    return { username: session.username, via: 'session', csrfToken: session.csrfToken, sessionId };
  }

  /** Pages: signed-out browsers are sent to the sign-in form, anything else gets 401. */
  readonly requirePage: RequestHandler = async (request, response, next) => {
    const identity = await this.identify(request);
    if (identity) {
      response.locals.supervisor = identity;
      return next();
    }
    if (bearerToken(request) === undefined && SAFE_METHODS.has(request.method) && request.accepts(['html', 'json']) === 'html') {
      const back = request.originalUrl.startsWith('/') ? request.originalUrl : '/review';
      response.redirect(303, `/review/sign-in?next=${encodeURIComponent(back)}`);
      return;
    }
    response.setHeader('WWW-Authenticate', 'Bearer realm="survey"');
    response.status(401).json({ error: bearerToken(request) === undefined ? 'sign in or send the bearer token' : 'invalid bearer token' });
  };

  /** JSON API: the bearer token, or a session (a session's writes also need its token in X-CSRF-Token). */
  readonly requireApi: RequestHandler = async (request, response, next) => {
    const identity = await this.identify(request);
    if (!identity) {
      const token = bearerToken(request);
      response.setHeader('WWW-Authenticate', 'Bearer realm="survey"');
      response.status(401).json({ error: token === undefined ? 'missing bearer token' : 'invalid bearer token' });
      return;
    }
    if (identity.via === 'session' && !SAFE_METHODS.has(request.method) && !sameToken(request.header('x-csrf-token'), identity.csrfToken ?? '')) {
      response.status(403).json({ error: 'missing or wrong X-CSRF-Token for this session' });
      return;
    }
    response.locals.supervisor = identity;
    next();
  };

  /** Forms posted with a session must carry its `_csrf` field and come from our own origin. */
  readonly requireFormToken: RequestHandler = (request, response, next) => {
    const identity = identityOf(response);
    if (identity?.via === 'bearer') return next();
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!identity?.csrfToken || !sameToken(body._csrf, identity.csrfToken) || !this.fromOwnOrigin(request)) {
      response.status(403).type('text/plain').send('This form has expired or came from another site. Reload the page and try again.');
      return;
    }
    next();
  };

  /**
   * Defence in depth beside the token: a browser that says the post is cross-site, or names another
   * origin, is refused. `Origin: null` is what Chromium sends under our no-referrer policy, so it
   * proves nothing either way and the token decides.
   */
  fromOwnOrigin(request: Request): boolean {
    if (request.header('sec-fetch-site') === 'cross-site') return false;
    const origin = request.header('origin');
    if (!origin || origin === 'null') return true;
    const own = new Set([new URL(this.options.publicUrl).origin, `${request.protocol}://${request.header('host') ?? ''}`]);
    return own.has(origin);
  }
}
