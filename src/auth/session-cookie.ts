import { parseCookie } from 'cookie';
import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'review_session';
/** Double-submit token of the sign-in form (there is no session yet to hold one). */
export const SIGN_IN_COOKIE = 'review_sign_in';

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  return header ? parseCookie(header)[name] : undefined;
}

/** HttpOnly (no page script reads it), SameSite=Lax (not sent on cross-site posts), Secure behind https. */
export function sessionCookieOptions(secure: boolean, ttlSeconds: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: ttlSeconds * 1000 };
}

export function setSessionCookie(response: Response, id: string, secure: boolean, ttlSeconds: number): void {
  response.cookie(SESSION_COOKIE, id, sessionCookieOptions(secure, ttlSeconds));
}

export function clearSessionCookie(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
