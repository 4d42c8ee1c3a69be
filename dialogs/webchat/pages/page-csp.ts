import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

/**
 * The hash of an empty <style>. Web Chat 4.18.1's transcript scroller (react-scroll-to-bottom) makes
 * its emotion cache without the nonce: it adds an empty <style> and fills it through CSSOM
 * insertRule, which CSP does not govern. Admitting exactly the empty element lets it work and
 * admits no style text at all.
 */
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The customer chat page's own CSP, replacing the app-wide one on that page only. Two differences:
 * - `style-src` admits style elements carrying this response's nonce (and empty ones): Web Chat
 *   styles itself with emotion, which adds <style> elements at run time; Web Chat passes its `nonce`
 *   prop to them, so no 'unsafe-inline' is needed. Scripts stay 'self' only.
 * - `frame-ancestors` names the sites in WIDGET_ALLOWED_ORIGINS, which the widget embeds it in;
 *   X-Frame-Options goes, since it cannot name them (browsers prefer frame-ancestors anyway).
 */
export function setChatPagePolicy(response: Response, nonce: string, frameAncestors: string): void {
  response.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      "script-src 'self'",
      "script-src-attr 'none'",
      `style-src 'self' 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`,
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "media-src 'self' blob:",
      `frame-ancestors ${frameAncestors}`,
      "form-action 'self'",
      "object-src 'none'",
      "base-uri 'none'",
    ].join('; '),
  );
  response.removeHeader('X-Frame-Options');
  response.setHeader('Cache-Control', 'no-store');
}
