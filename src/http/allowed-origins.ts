import type { RequestHandler, Response } from 'express';

export interface OriginPolicy {
  /** WIDGET_ALLOWED_ORIGINS: other sites whose pages may embed the chat and call the endpoint. */
  allowedOrigins: readonly string[];
  /** PUBLIC_URL: our own origin as the world sees it (behind a TLS proxy `Host` alone is not enough). */
  publicUrl: string;
}

export type OriginVerdict = 'no-origin' | 'same-origin' | 'allowed' | 'refused';

/** An HTTP request's headers: an Express request, or a WebSocket upgrade request wrapped to match. */
export interface RequestHeaders {
  header(name: string): string | undefined;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** Browsers name the page that made a request in `Origin`; non-browser clients usually send none. */
export function judgeOrigin(request: RequestHeaders, policy: OriginPolicy): OriginVerdict {
  const origin = request.header('origin');
  if (origin === undefined) return 'no-origin';
  if (origin === new URL(policy.publicUrl).origin) return 'same-origin';
  const host = hostOf(origin);
  if (host !== undefined && host === request.header('host')) return 'same-origin';
  return policy.allowedOrigins.includes(origin) ? 'allowed' : 'refused';
}

/**
 * CORS for the Direct Line endpoint: our own pages and WIDGET_ALLOWED_ORIGINS get in; a page on
 * any other site gets 403 (preflight included), so it cannot start or read a conversation.
 */
export function directLineCors(policy: OriginPolicy, refuse: (response: Response, message: string) => void): RequestHandler {
  return (request, response, next) => {
    response.vary('Origin');
    const verdict = judgeOrigin(request, policy);
    if (verdict === 'refused') {
      refuse(response, 'this origin is not in WIDGET_ALLOWED_ORIGINS');
      return;
    }
    if (verdict === 'allowed') {
      response.setHeader('Access-Control-Allow-Origin', request.header('origin') ?? '');
      response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, x-ms-bot-agent');
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      response.setHeader('Access-Control-Max-Age', '600');
    }
    if (request.method === 'OPTIONS') {
      response.status(204).end();
      return;
    }
    next();
  };
}

/** CSP frame-ancestors for pages a widget may show: ourselves and the allowed sites. */
export function frameAncestors(policy: OriginPolicy): string {
  return ["'self'", ...policy.allowedOrigins].join(' ');
}
