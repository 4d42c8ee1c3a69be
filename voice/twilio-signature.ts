import type { RequestHandler } from 'express';
import twilio from 'twilio';
import type { Logger } from '../src/logging/logger.js';

export interface SignatureCheck {
  authToken: string | undefined;
  /** The base URL Twilio was given; the signed URL is rebuilt from it, never from Host or X-Forwarded-* headers. */
  publicUrl: string;
  /** Told every refusal (metrics): no token configured, no signature, or one that does not match. */
  onRefused?: (reason: 'unconfigured' | 'missing' | 'invalid') => void;
}

/** A refusal names the URL the signature was checked against, for the log. */
export type SignatureVerdict = { ok: true } | { ok: false; reason: string; checkedUrl?: string };

export function checkTwilioSignature(check: SignatureCheck, signature: string | undefined, pathAndQuery: string, params: Record<string, unknown>): SignatureVerdict {
  if (!check.authToken) return { ok: false, reason: 'Twilio webhooks are refused until TWILIO_AUTH_TOKEN is set.' };
  if (!signature) return { ok: false, reason: 'Missing X-Twilio-Signature header.' };
  const url = `${check.publicUrl}${pathAndQuery}`;
  return twilio.validateRequest(check.authToken, signature, url, params) ? { ok: true } : { ok: false, reason: 'Invalid X-Twilio-Signature.', checkedUrl: url };
}

/**
 * 403 for any request Twilio did not sign for this exact URL and these form fields. A signature
 * that does not match is logged at warn with the URL it was checked against: when every webhook is
 * refused, PUBLIC_URL is usually not the address Twilio calls. Neither the signature nor the token
 * is ever logged.
 */
export function requireTwilioSignature(check: SignatureCheck, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const params = (req.body ?? {}) as Record<string, unknown>;
    const verdict = checkTwilioSignature(check, req.header('X-Twilio-Signature'), req.originalUrl, params);
    if (verdict.ok) {
      next();
      return;
    }
    check.onRefused?.(verdict.checkedUrl ? 'invalid' : check.authToken ? 'missing' : 'unconfigured');
    if (verdict.checkedUrl) {
      logger.warn(
        { checkedUrl: verdict.checkedUrl, publicUrl: check.publicUrl },
        `Twilio webhook refused: its signature does not match ${verdict.checkedUrl}. Twilio signs the exact URL it calls; if that is not under PUBLIC_URL (${check.publicUrl}), set PUBLIC_URL to the base URL Twilio calls (scheme, host and port, as in the Twilio console).`,
      );
    } else if (!check.authToken) {
      logger.warn({ path: req.path }, `Twilio webhook refused: ${verdict.reason}`);
    } else {
      logger.info({ path: req.path }, `Twilio webhook refused: ${verdict.reason}`);
    }
    res.status(403).type('text/plain').send(verdict.reason);
  };
}
