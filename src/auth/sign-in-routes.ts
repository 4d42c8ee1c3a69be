import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { formBody } from '../http/form-body.js';
import { tokensMatch } from '../http/bearer-auth.js';
import type { Logger } from '../logging/logger.js';
import { signInPage } from './sign-in-page.js';
import type { SignInLimiter } from './sign-in-limiter.js';
import { ADMIN_USERNAME, type SupervisorAccounts } from './supervisor-accounts.js';
import { identityOf, sameToken, type SupervisorAuth } from './supervisor-auth.js';
import type { SessionStore } from './sessions.js';
import { clearSessionCookie, readCookie, setSessionCookie, SIGN_IN_COOKIE } from './session-cookie.js';

export interface SignInRoutesOptions {
  auth: SupervisorAuth;
  accounts: SupervisorAccounts;
  sessions: SessionStore;
  limiter: SignInLimiter;
  adminToken: string;
  secureCookies: boolean;
  logger: Logger;
}

/** Only our own supervisor pages are places to go back to after signing in (no open redirect). */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(review|simulator)(?:[/?#]|$)/.test(value) && !value.includes('\\') ? value : '/review';
}

function field(request: Request, name: string): string {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** GET/POST /review/sign-in and POST /review/sign-out. */
export function signInRoutes(options: SignInRoutesOptions): Router {
  const router = Router();
  const form = formBody({ limit: '16kb', parameterLimit: 20 });

  const showForm = (response: Response, status: number, next: string, extra: { username?: string; error?: string } = {}): void => {
    const csrfToken = randomBytes(24).toString('base64url');
    response.cookie(SIGN_IN_COOKIE, csrfToken, { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, path: '/review/sign-in', maxAge: 3600_000 });
    response.status(status).setHeader('Cache-Control', 'no-store');
    response.type('html').send(signInPage({ csrfToken, next, ...extra }));
  };

  router.get('/review/sign-in', async (request, response) => {
    const next = safeNext(request.query.next);
    if (await options.auth.identify(request)) return response.redirect(303, next);
    showForm(response, 200, next);
  });

  router.post('/review/sign-in', form, async (request, response) => {
    const next = safeNext(field(request, 'next'));
    const username = field(request, 'username').trim().toLowerCase().slice(0, 64);
    const password = field(request, 'password') || field(request, 'token');
    const cookieToken = readCookie(request, SIGN_IN_COOKIE);
    if (!cookieToken || !sameToken(field(request, '_csrf'), cookieToken) || !options.auth.fromOwnOrigin(request)) {
      response.status(403);
      return showForm(response, 403, next, { username, error: 'The sign-in form expired or came from another site. Please try again.' });
    }
    const address = request.ip ?? 'unknown';
    const wait = await options.limiter.admit(username, address);
    if (wait !== null) {
      response.setHeader('Retry-After', String(wait));
      return showForm(response, 429, next, { username, error: `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).` });
    }
    const asAdmin = password !== '' && tokensMatch(password, options.adminToken);
    const ok = asAdmin || (username !== '' && password !== '' && (await options.accounts.verify(username, password)));
    if (!ok) {
      await options.limiter.failed(username, address);
      options.logger.info({ username }, 'supervisor sign-in refused');
      return showForm(response, 401, next, { username, error: 'Wrong username or password.' });
    }
    await options.limiter.succeeded(username, address);
    const { id } = asAdmin ? await options.sessions.create(ADMIN_USERNAME, options.adminToken) : await options.sessions.create(username);
    options.logger.info({ username: asAdmin ? ADMIN_USERNAME : username }, 'supervisor signed in');
    response.clearCookie(SIGN_IN_COOKIE, { path: '/review/sign-in' });
    setSessionCookie(response, id, options.secureCookies, options.sessions.cookieSeconds);
    response.redirect(303, next);
  });

  router.post('/review/sign-out', options.auth.requirePage, form, options.auth.requireFormToken, async (_request, response) => {
    const identity = identityOf(response);
    if (identity?.sessionId) await options.sessions.destroy(identity.sessionId);
    clearSessionCookie(response, options.secureCookies);
    response.redirect(303, '/review/sign-in');
  });

  return router;
}
