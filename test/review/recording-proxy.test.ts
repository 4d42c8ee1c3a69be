import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, TEST_TWILIO_ACCOUNT_SID, TEST_TWILIO_AUTH_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

/** A stand-in for a host at the edge: records what it was asked and answers with whatever `reply` says. */
class RecordingHost {
  readonly requests: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  reply: (url: string) => { status: number; headers: Record<string, string>; body: string } = () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<script>alert(1)</script>' });
  private readonly server: Server = createServer((request, response) => {
    this.requests.push({ url: request.url ?? '', headers: request.headers });
    const { status, headers, body } = this.reply(request.url ?? '');
    response.writeHead(status, headers).end(body);
  });
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((listening) => this.server.listen(0, '127.0.0.1', () => listening()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((closed) => this.server.close(() => closed()));
  }
}

const RECORDING_SID = 'RE0123456789abcdef0123456789abcdef';
const basicAuth = `Basic ${Buffer.from(`${TEST_TWILIO_ACCOUNT_SID}:${TEST_TWILIO_AUTH_TOKEN}`).toString('base64')}`;

describe('the recording proxy', () => {
  let twilioApi: RecordingHost;
  let elsewhere: RecordingHost;
  let app: TestApp;
  beforeAll(async () => {
    twilioApi = await new RecordingHost().start();
    elsewhere = await new RecordingHost().start();
    app = await startTestApp({ TWILIO_API_URL: twilioApi.url });
  });
  afterAll(async () => {
    await app?.close();
    await twilioApi?.close();
    await elsewhere?.close();
  });

  /** A call that ended with this RecordingUrl in Twilio's (signed) status callback; answers the supervisor's GET of its recording. */
  async function playRecordingOf(recordingUrl: string): Promise<Response> {
    const callSid = newCallSid();
    await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
    expect((await postTwilioWebhook(`${app.baseUrl}/voice/status`, callFields(callSid, { CallStatus: 'completed', RecordingUrl: recordingUrl }))).status).toBeLessThan(300);
    return fetch(`${app.baseUrl}/review/responses/${callSid}/recording`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  }

  it("when a recording is under this account's Recordings on the configured API, then it is fetched with the credentials and served as audio/mpeg, whatever type the upstream claims", async () => {
    const before = twilioApi.requests.length;
    const played = await playRecordingOf(`${twilioApi.url}/2010-04-01/Accounts/${TEST_TWILIO_ACCOUNT_SID}/Recordings/${RECORDING_SID}`);
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toBe('audio/mpeg');
    expect(played.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await played.text()).toBe('<script>alert(1)</script>');
    const [asked] = twilioApi.requests.slice(before);
    expect(asked?.url).toBe(`/2010-04-01/Accounts/${TEST_TWILIO_ACCOUNT_SID}/Recordings/${RECORDING_SID}.mp3`);
    expect(asked?.headers.authorization).toBe(basicAuth);
  });

  it('when a stored recording URL points at another host, another account, another path or api.twilio.com over http, then it is a 404 and nothing is sent anywhere', async () => {
    const twilioBefore = twilioApi.requests.length;
    for (const url of [
      `${elsewhere.url}/2010-04-01/Accounts/${TEST_TWILIO_ACCOUNT_SID}/Recordings/${RECORDING_SID}`,
      `${twilioApi.url}/2010-04-01/Accounts/AC9999999999abcdef0123456789abcdef/Recordings/${RECORDING_SID}`,
      `${twilioApi.url}/2010-04-01/Accounts/${TEST_TWILIO_ACCOUNT_SID}/Calls/${RECORDING_SID}`,
      `${twilioApi.url}/x/../2010-04-01/Accounts/${TEST_TWILIO_ACCOUNT_SID}/Recordings/${RECORDING_SID}.html`,
      `http://api.twilio.com/2010-04-01/Accounts/${TEST_TWILIO_ACCOUNT_SID}/Recordings/${RECORDING_SID}`,
    ]) {
      const played = await playRecordingOf(url);
      expect(played.status, url).toBe(404);
      expect(await played.json()).toEqual({ error: 'no playable recording for this response' });
    }
    expect(elsewhere.requests).toHaveLength(0);
    expect(twilioApi.requests.length).toBe(twilioBefore);
  });

  it('when the API answers with a redirect to another host over http, then it is not followed, the credentials go nowhere else and the supervisor gets 502', async () => {
    twilioApi.reply = () => ({ status: 302, headers: { location: `${elsewhere.url}/media/${RECORDING_SID}.mp3` }, body: '' });
    try {
      const played = await playRecordingOf(`${twilioApi.url}/2010-04-01/Accounts/${TEST_TWILIO_ACCOUNT_SID}/Recordings/${RECORDING_SID}.wav`);
      expect(played.status).toBe(502);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      twilioApi.reply = () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: 'not audio' });
    }
    const wav = await playRecordingOf(`${twilioApi.url}/2010-04-01/Accounts/${TEST_TWILIO_ACCOUNT_SID}/Recordings/${RECORDING_SID}.wav`);
    expect(wav.headers.get('content-type')).toBe('audio/wav');
  });
});
