import { Readable } from 'node:stream';
import type { Response } from 'express';

export interface RecordingSource {
  accountSid?: string | undefined;
  authToken?: string | undefined;
  /** TWILIO_API_URL: recordings are fetched only from this host or api.twilio.com (never any URL a record names). */
  apiUrl?: string | undefined;
}

export function recordingFetchUrl(recordingUrl: string, source: RecordingSource): string | null {
  let url: URL;
  try {
    url = new URL(recordingUrl);
  } catch {
    return null;
  }
  const allowed = new Set(['api.twilio.com', ...(source.apiUrl ? [new URL(source.apiUrl).host] : [])]);
  if (!allowed.has(url.host) || !/\/Recordings\/RE[0-9a-f]{32}(\.(mp3|wav))?$/i.test(url.pathname)) return null;
  if (!/\.(mp3|wav)$/i.test(url.pathname)) url.pathname += '.mp3';
  return url.toString();
}

/** Streams a call recording from Twilio with the account's credentials, so the browser never needs them. */
export async function sendRecording(response: Response, recordingUrl: string, source: RecordingSource): Promise<void> {
  const url = recordingFetchUrl(recordingUrl, source);
  if (!url) {
    response.status(404).json({ error: 'no playable recording for this response' });
    return;
  }
  const headers: Record<string, string> = {};
  if (source.accountSid && source.authToken) headers.authorization = `Basic ${Buffer.from(`${source.accountSid}:${source.authToken}`).toString('base64')}`;
  const upstream = await fetch(url, { headers, signal: AbortSignal.timeout(15_000) }).catch(() => null);
  if (!upstream?.ok || !upstream.body) {
    response.status(502).json({ error: `the recording could not be fetched from Twilio${upstream ? ` (${upstream.status})` : ''}` });
    return;
  }
  response.status(200).type(upstream.headers.get('content-type') ?? 'audio/mpeg');
  response.setHeader('Cache-Control', 'private, max-age=300');
  Readable.fromWeb(upstream.body).pipe(response);
}
