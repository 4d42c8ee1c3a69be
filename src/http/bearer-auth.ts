import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time comparison of a presented token with the expected one. */
export function tokensMatch(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

export function bearerToken(request: Request): string | undefined {
  const header = request.header('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** 401 unless the request carries `Authorization: Bearer <ADMIN_TOKEN>` (or an already signed-in session, when `isSignedIn` says so). */
export function requireAdmin(adminToken: string, isSignedIn?: (request: Request) => Promise<boolean> | boolean): RequestHandler {
  return async (request, response, next) => {
    const token = bearerToken(request);
    if (token !== undefined && tokensMatch(token, adminToken)) return next();
    if (token === undefined && isSignedIn && (await isSignedIn(request))) return next();
    response.setHeader('WWW-Authenticate', 'Bearer realm="survey"');
    response.status(401).json({ error: token === undefined ? 'missing bearer token' : 'invalid bearer token' });
  };
}
