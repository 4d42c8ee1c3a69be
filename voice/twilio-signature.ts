import type { RequestHandler } from 'express';
import twilio from 'twilio';

export interface SignatureCheck {
  authToken: string | undefined;
  /** The base URL Twilio was given; the signed URL is rebuilt from it, never from Host or X-Forwarded-* headers. */
  publicUrl: string;
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

export function checkTwilioSignature(check: SignatureCheck, signature: string | undefined, pathAndQuery: string, params: Record<string, unknown>): SignatureVerdict {
  if (!check.authToken) return { ok: false, reason: 'Twilio webhooks are refused until TWILIO_AUTH_TOKEN is set.' };
  if (!signature) return { ok: false, reason: 'Missing X-Twilio-Signature header.' };
  const url = `${check.publicUrl}${pathAndQuery}`;
  return twilio.validateRequest(check.authToken, signature, url, params) ? { ok: true } : { ok: false, reason: 'Invalid X-Twilio-Signature.' };
}

/** 403 for any request Twilio did not sign for this exact URL and these form fields. */
export function requireTwilioSignature(check: SignatureCheck): RequestHandler {
  return (req, res, next) => {
    const params = (req.body ?? {}) as Record<string, unknown>;
    const verdict = checkTwilioSignature(check, req.header('X-Twilio-Signature'), req.originalUrl, params);
    if (verdict.ok) {
      next();
      return;
    }
    res.status(403).type('text/plain').send(verdict.reason);
  };
}
