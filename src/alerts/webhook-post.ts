import { SIGNATURE_HEADER, signPayload, TIMESTAMP_HEADER } from './webhook-signature.js';

export interface WebhookReply {
  status: number;
  ms: number;
}

export class WebhookError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly ms: number,
    /** A retry cannot help (the receiver refused the request itself). */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface SignedPost {
  url: string;
  secret: string;
  /** The exact body; the signature covers these bytes. */
  body: string;
  deliveryId: string;
  event: string;
  timeoutMs?: number;
}

/** 408 and 429 may pass; any other 4xx will not. */
function isPermanent(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** POSTs a JSON body with a Unix-time `X-Timestamp` and `X-Signature` (hex HMAC-SHA256 of the timestamp and body); throws WebhookError unless 2xx. */
export async function postSigned(post: SignedPost): Promise<WebhookReply> {
  const started = performance.now();
  const timestamp = String(Math.floor(Date.now() / 1000));
  let response: Response;
  try {
    response = await fetch(post.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'survey-agent-webhook/1',
        [SIGNATURE_HEADER]: signPayload(post.secret, timestamp, post.body),
        [TIMESTAMP_HEADER]: timestamp,
        'X-Delivery-Id': post.deliveryId,
        'X-Event': post.event,
      },
      body: post.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(post.timeoutMs ?? 10_000),
    });
    await response.body?.cancel().catch(() => undefined);
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    throw new WebhookError(error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error), 0, ms, false);
  }
  const ms = Math.round(performance.now() - started);
  if (response.status < 200 || response.status >= 300) throw new WebhookError(`receiver answered ${response.status}`, response.status, ms, isPermanent(response.status));
  return { status: response.status, ms };
}
