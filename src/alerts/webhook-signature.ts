import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Signature';
export const TIMESTAMP_HEADER = 'X-Timestamp';
/** How old a timestamp a receiver should still accept (our retries send a fresh one each attempt). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Lowercase hex HMAC-SHA256 over `<X-Timestamp>.<raw body>`: the timestamp is signed too, so a
 * captured request cannot be replayed later under a fresh timestamp.
 */
export function signPayload(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/**
 * For receivers (and our tests): constant-time check of `X-Signature` against `X-Timestamp` and the
 * raw body, refusing a timestamp more than SIGNATURE_TOLERANCE_SECONDS from `nowSeconds`.
 */
export function isValidSignature(
  secret: string,
  rawBody: string | Buffer,
  signature: string | undefined,
  timestamp: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (!signature || !/^[0-9a-f]{64}$/.test(signature) || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(signPayload(secret, timestamp, rawBody), 'hex'), Buffer.from(signature, 'hex'));
}
