import { Readable } from 'node:stream';
import type { Response } from 'express';

export interface RecordingSource {
  accountSid?: string | undefined;
  authToken?: string | undefined;
  /** TWILIO_API_URL: where Twilio's REST API is (tests point it at a local fake); otherwise https://api.twilio.com. */
  apiUrl?: string | undefined;
}

const TWILIO_API = 'https://api.twilio.com';
const RECORDING_SID = /^RE[0-9a-f]{32}$/i;
const AUDIO_TYPES: Record<string, string> = { mp3: 'audio/mpeg', wav: 'audio/wav' };

/**
 * The only URL a recording is fetched from (with the account's credentials): Twilio's API, over
 * https unless TWILIO_API_URL says otherwise, under this account's own Recordings. Anything else a
 * record names gets null, and no request is made.
 */
export function recordingFetchUrl(recordingUrl: string, source: RecordingSource): string | null {
  if (!source.accountSid) return null;
  let url: URL;
  let api: URL;
  try {
    url = new URL(recordingUrl);
    api = new URL(source.apiUrl ?? TWILIO_API);
  } catch {
    return null;
  }
  if (url.origin !== api.origin || url.username || url.password || url.search || url.hash) return null;
  const prefix = `${api.pathname.replace(/\/+$/, '')}/2010-04-01/Accounts/${source.accountSid}/Recordings/`;
  if (!url.pathname.startsWith(prefix)) return null;
  const [sid = '', extension = 'mp3', ...rest] = url.pathname.slice(prefix.length).split('.');
  if (!RECORDING_SID.test(sid) || rest.length > 0 || !AUDIO_TYPES[extension.toLowerCase()]) return null;
  return `${api.origin}${prefix}${sid}.${extension.toLowerCase()}`;
}

/** The audio type of a URL recordingFetchUrl gave; never what the upstream says it is. */
function audioTypeOf(fetchUrl: string): string {
  return AUDIO_TYPES[fetchUrl.slice(fetchUrl.lastIndexOf('.') + 1)] ?? 'audio/mpeg';
}

const MAX_REDIRECTS = 2;

/**
 * GETs the recording with the credentials; a redirect (Twilio may hand media out from elsewhere)
 * is followed over https only and without them, so they reach no other host.
 */
async function fetchRecording(url: string, authorization: string | undefined): Promise<globalThis.Response | null> {
  const timeout = AbortSignal.timeout(15_000);
  let answer = await fetch(url, { headers: authorization ? { authorization } : {}, redirect: 'manual', signal: timeout }).catch(() => null);
  for (let hop = 0; answer && answer.status >= 300 && answer.status < 400 && hop < MAX_REDIRECTS; hop += 1) {
    const location = answer.headers.get('location');
    await answer.body?.cancel().catch(() => undefined);
    const next = location ? new URL(location, url) : null;
    if (next?.protocol !== 'https:') return null;
    answer = await fetch(next, { redirect: 'manual', signal: timeout }).catch(() => null);
  }
  return answer;
}

/** Streams a call recording from Twilio with the account's credentials, so the browser never needs them. */
export async function sendRecording(response: Response, recordingUrl: string, source: RecordingSource): Promise<void> {
  const url = recordingFetchUrl(recordingUrl, source);
  if (!url) {
    response.status(404).json({ error: 'no playable recording for this response' });
    return;
  }
  const authorization = source.accountSid && source.authToken ? `Basic ${Buffer.from(`${source.accountSid}:${source.authToken}`).toString('base64')}` : undefined;
  const upstream = await fetchRecording(url, authorization);
  if (!upstream?.ok || !upstream.body) {
    await upstream?.body?.cancel().catch(() => undefined);
    response.status(502).json({ error: `the recording could not be fetched from Twilio${upstream ? ` (${upstream.status})` : ''}` });
    return;
  }
  response.status(200).type(audioTypeOf(url));
  response.setHeader('Content-Disposition', 'inline');
  response.setHeader('Cache-Control', 'private, max-age=300');
  Readable.fromWeb(upstream.body).pipe(response);
}
