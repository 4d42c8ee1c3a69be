import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

// Self-contained (no vitest, no test-app imports): `npm run bench` uses it too.

export interface FakeCall {
  sid: string;
  to: string;
  from: string;
  url: string;
  statusCallback?: string;
  statusCallbackEvents: string[];
  machineDetection?: string;
  machineDetectionCallback?: string;
  /** When the create request arrived (epoch ms, sub-millisecond precision). */
  receivedAt: number;
  /** TwiML the service sent with an update of the live call, in order. */
  redirects: string[];
  /** Twilio's status of the call: queued, then whatever the last finish() said. */
  status: string;
  answeredBy?: string;
}

/** A message the service sent through the Messages resource. */
export interface FakeMessage {
  sid: string;
  to: string;
  from: string;
  body?: string;
  contentSid?: string;
  contentVariables?: string;
  statusCallback?: string;
  receivedAt: number;
}

/** What the customer's phone sends us: a text, maybe with pictures. */
export interface CustomerText {
  /** The customer's number (`whatsapp:+…` for WhatsApp). */
  from: string;
  /** Our number they write to. */
  to: string;
  body: string;
  numMedia?: number;
}

/** What the next create request gets instead of a call: an error status, no answer at all, or a call whose answer comes too late. */
export type CreateFault = { kind: 'status'; status: number } | { kind: 'hang' } | { kind: 'slow'; ms: number };

export interface CreateRequest {
  receivedAt: number;
  to: string;
  outcome: 'created' | 'status' | 'hang' | 'slow';
}

export interface AnswerScript {
  /** Keys pressed at each keypad prompt, in order (e.g. ['1', '9']). */
  keys?: string[];
  /** Spoken answer to the reason question. */
  speech?: string;
  /** Sent on /voice/incoming, as with synchronous machine detection. */
  answeredBy?: string;
  /** Post the final status callback after the script (default true). */
  hangUp?: boolean;
}

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
  /** Every call ends by itself this long after it was created, with this status callback (as if nobody answered, say). */
  autoFinish?: { afterMs: number; callStatus: string };
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

function newSid(prefix = 'CA'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

function readBody(request: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The first `<Gather action>` of a TwiML document, unescaped. */
export function gatherActionOf(twiml: string): string | null {
  const match = /<Gather [^>]*action="([^"]+)"/.exec(twiml);
  return match?.[1] ? match[1].replace(/&amp;/g, '&') : null;
}

/**
 * A small real HTTP server in place of Twilio's REST API (Calls: create, list, update). It records
 * every create with its arrival time, can be told to fail, and plays the called person by posting
 * signed webhooks to the URLs the service gave it.
 */
export class FakeTwilio {
  readonly calls: FakeCall[] = [];
  /** Every message created through the Messages resource, in order. */
  readonly messages: FakeMessage[] = [];
  private readonly messageFaults: Array<{ status: number; code: number }> = [];
  readonly createRequests: CreateRequest[] = [];
  /** Webhooks go here instead of the origin of the URL the service gave (an instance behind a proxy, a restarted one). */
  deliverTo: string | undefined;
  private readonly faults: CreateFault[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private readonly pendingTimers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: FakeTwilioOptions,
  ) {}

  static async start(options: FakeTwilioOptions): Promise<FakeTwilio> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const fake = new FakeTwilio(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, options);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const receivedAt = now();
      fake.handle(request, response, receivedAt).catch((error: unknown) => sendJson(response, 500, { message: String(error) }));
    });
    return fake;
  }

  /** The next `count` creates fail this way (then creates succeed again). */
  failNext(fault: CreateFault, count = 1): void {
    for (let index = 0; index < count; index += 1) this.faults.push(fault);
  }

  /** The next message create fails with this HTTP status and Twilio error code (21211: invalid number; 21610: unsubscribed). */
  failNextMessage(status: number, code: number): void {
    this.messageFaults.push({ status, code });
  }

  messagesTo(address: string): FakeMessage[] {
    return this.messages.filter((message) => message.to === address);
  }

  callsTo(phone: string): FakeCall[] {
    return this.calls.filter((call) => call.to === phone);
  }

  async waitForCalls(count: number, timeoutMs = 15_000): Promise<void> {
    const started = Date.now();
    while (this.calls.length < count) {
      if (Date.now() - started > timeoutMs) throw new Error(`expected ${count} calls, Twilio got ${this.calls.length}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse, receivedAt: number): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const base = `/2010-04-01/Accounts/${this.options.accountSid}/Calls`;
    const expectedAuth = `Basic ${Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString('base64')}`;
    if (request.headers.authorization !== expectedAuth) return sendJson(response, 401, { code: 20003, message: 'Authenticate', status: 401 });
    if (request.method === 'POST' && url.pathname === `${base}.json`) return this.create(await readBody(request), response, receivedAt);
    if (request.method === 'GET' && url.pathname === `${base}.json`) return this.list(url.searchParams, response);
    if (request.method === 'POST' && url.pathname === `/2010-04-01/Accounts/${this.options.accountSid}/Messages.json`) return this.createMessage(await readBody(request), response, receivedAt);
    const update = new RegExp(`^${base}/(CA[0-9a-f]{32})\\.json$`).exec(url.pathname);
    if (request.method === 'GET' && update?.[1]) {
      const call = this.calls.find((candidate) => candidate.sid === update[1]);
      return call ? sendJson(response, 200, this.resource(call, call.status)) : sendJson(response, 404, { code: 20404, message: 'not found', status: 404 });
    }
    if (request.method === 'POST' && update?.[1]) {
      const call = this.calls.find((candidate) => candidate.sid === update[1]);
      if (!call) return sendJson(response, 404, { code: 20404, message: 'not found', status: 404 });
      const twiml = (await readBody(request)).get('Twiml');
      if (twiml) call.redirects.push(twiml);
      return sendJson(response, 200, this.resource(call, call.status));
    }
    sendJson(response, 404, { code: 20404, message: `no fake for ${request.method} ${url.pathname}`, status: 404 });
  }

  private create(form: URLSearchParams, response: ServerResponse, receivedAt: number): void {
    const to = form.get('To') ?? '';
    const fault = this.faults.shift();
    this.createRequests.push({ receivedAt, to, outcome: fault ? fault.kind : 'created' });
    if (fault?.kind === 'status') return sendJson(response, fault.status, { code: 20500, message: 'Twilio is having a bad day', status: fault.status });
    if (fault?.kind === 'hang') {
      this.hanging.add(response);
      return;
    }
    if (!form.get('Url') || !to || !form.get('From')) return sendJson(response, 400, { code: 21205, message: 'Url, To and From are required', status: 400 });
    const call: FakeCall = {
      sid: newSid(),
      to,
      from: form.get('From') ?? '',
      url: form.get('Url') ?? '',
      statusCallbackEvents: form.getAll('StatusCallbackEvent'),
      receivedAt,
      redirects: [],
      status: 'queued',
      ...(form.get('StatusCallback') ? { statusCallback: form.get('StatusCallback') ?? '' } : {}),
      ...(form.get('MachineDetection') ? { machineDetection: form.get('MachineDetection') ?? '' } : {}),
      ...(form.get('AsyncAmdStatusCallback') ? { machineDetectionCallback: form.get('AsyncAmdStatusCallback') ?? '' } : {}),
    };
    this.calls.push(call);
    if (this.options.autoFinish) {
      const { afterMs, callStatus } = this.options.autoFinish;
      const timer = setTimeout(() => {
        this.pendingTimers.delete(timer);
        this.finish(call, callStatus).catch(() => undefined);
      }, afterMs);
      this.pendingTimers.add(timer);
    }
    if (fault?.kind === 'slow') {
      const timer = setTimeout(() => {
        this.pendingTimers.delete(timer);
        if (!response.destroyed) sendJson(response, 201, this.resource(call, 'queued'));
      }, fault.ms);
      this.pendingTimers.add(timer);
      return;
    }
    sendJson(response, 201, this.resource(call, 'queued'));
  }

  private createMessage(form: URLSearchParams, response: ServerResponse, receivedAt: number): void {
    const fault = this.messageFaults.shift();
    if (fault) return sendJson(response, fault.status, { code: fault.code, message: `Twilio refused the message (${fault.code})`, status: fault.status });
    const to = form.get('To');
    const from = form.get('From');
    if (!to || !from || (!form.get('Body') && !form.get('ContentSid'))) return sendJson(response, 400, { code: 21619, message: 'To, From and a Body or ContentSid are required', status: 400 });
    const optional = (name: string): string | undefined => form.get(name) ?? undefined;
    const message: FakeMessage = { sid: newSid('SM'), to, from, receivedAt };
    for (const [field, name] of [['body', 'Body'], ['contentSid', 'ContentSid'], ['contentVariables', 'ContentVariables'], ['statusCallback', 'StatusCallback']] as const) {
      const value = optional(name);
      if (value !== undefined) message[field] = value;
    }
    this.messages.push(message);
    sendJson(response, 201, {
      sid: message.sid,
      account_sid: this.options.accountSid,
      to,
      from,
      body: message.body ?? null,
      status: 'queued',
      direction: 'outbound-api',
      num_segments: '1',
      date_created: new Date(receivedAt).toUTCString(),
      uri: `/2010-04-01/Accounts/${this.options.accountSid}/Messages/${message.sid}.json`,
    });
  }

  /** The customer texts us: a signed incoming-message webhook to `webhookUrl` (the URL set on our number in the console). */
  async text(webhookUrl: string, text: CustomerText): Promise<{ status: number; body: string }> {
    return this.webhook(webhookUrl, {
      MessageSid: newSid('SM'),
      AccountSid: this.options.accountSid,
      From: text.from,
      To: text.to,
      Body: text.body,
      NumMedia: String(text.numMedia ?? 0),
      ...(text.numMedia ? { MediaContentType0: 'image/jpeg', MediaUrl0: 'https://api.twilio.com/media/ME0' } : {}),
    });
  }

  /** The customer answers a message we sent them. */
  async reply(webhookUrl: string, message: FakeMessage, body: string): Promise<{ status: number; body: string }> {
    return this.text(webhookUrl, { from: message.to, to: message.from, body });
  }

  /** Twilio's status callback for a message we sent: sent, delivered, undelivered or failed. */
  async messageStatus(message: FakeMessage, status: string, errorCode?: string): Promise<{ status: number; body: string }> {
    if (!message.statusCallback) throw new Error(`message ${message.sid} has no StatusCallback`);
    return this.webhook(message.statusCallback, {
      MessageSid: message.sid,
      AccountSid: this.options.accountSid,
      MessageStatus: status,
      To: message.to,
      From: message.from,
      ...(errorCode ? { ErrorCode: errorCode } : {}),
    });
  }

  private list(query: URLSearchParams, response: ServerResponse): void {
    const to = query.get('To');
    const from = query.get('From');
    const after = query.get('StartTime>');
    const since = after ? Date.parse(after) : 0;
    const calls = this.calls.filter((call) => (!to || call.to === to) && (!from || call.from === from) && call.receivedAt >= since);
    sendJson(response, 200, { calls: calls.map((call) => this.resource(call, call.status)), first_page_uri: '', next_page_uri: null, page: 0, page_size: 50, uri: '' });
  }

  private resource(call: FakeCall, status: string): Record<string, unknown> {
    return {
      sid: call.sid,
      account_sid: this.options.accountSid,
      to: call.to,
      from: call.from,
      status,
      direction: 'outbound-api',
      answered_by: call.answeredBy ?? null,
      date_created: new Date(call.receivedAt).toUTCString(),
      start_time: new Date(call.receivedAt).toUTCString(),
      uri: `/2010-04-01/Accounts/${this.options.accountSid}/Calls/${call.sid}.json`,
    };
  }

  /** Posts a webhook as Twilio would: signed for the exact URL the service gave, delivered to `deliverTo` when set. */
  async webhook(url: string, fields: Record<string, string>): Promise<{ status: number; body: string }> {
    const signature = twilio.getExpectedTwilioSignature(this.options.authToken, url, fields);
    const target = this.deliverTo ? `${this.deliverTo}${new URL(url).pathname}${new URL(url).search}` : url;
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(fields),
    });
    return { status: response.status, body: await response.text() };
  }

  private callFields(call: FakeCall, extra: Record<string, string> = {}): Record<string, string> {
    return { CallSid: call.sid, AccountSid: this.options.accountSid, From: call.from, To: call.to, Direction: 'outbound-api', ...extra };
  }

  /**
   * The person picks up and follows the script: /voice/incoming, then each key at each prompt, then
   * the spoken reason, then the final status callback. Returns every TwiML document heard.
   */
  async answer(call: FakeCall, script: AnswerScript = {}): Promise<string[]> {
    const heard: string[] = [];
    if (call.statusCallback && call.statusCallbackEvents.includes('answered')) {
      await this.webhook(call.statusCallback, this.callFields(call, { CallStatus: 'in-progress' }));
    }
    const opening = await this.webhook(call.url, this.callFields(call, { CallStatus: 'in-progress', ...(script.answeredBy ? { AnsweredBy: script.answeredBy } : {}) }));
    heard.push(opening.body);
    const answers: Array<Record<string, string>> = [
      ...(script.keys ?? []).map((key) => ({ Digits: key })),
      ...(script.speech !== undefined ? [{ SpeechResult: script.speech, Confidence: '0.92' }] : []),
    ];
    for (const answer of answers) {
      const action = gatherActionOf(heard[heard.length - 1] ?? '');
      if (!action) break;
      const reply = await this.webhook(action, this.callFields(call, { CallStatus: 'in-progress', ...answer }));
      heard.push(reply.body);
    }
    if (script.hangUp !== false) await this.finish(call, 'completed', script.answeredBy ? { AnsweredBy: script.answeredBy } : {});
    return heard;
  }

  /** The final status callback: completed, no-answer, busy, failed or canceled. */
  async finish(call: FakeCall, callStatus: string, extra: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    if (!call.statusCallback) throw new Error(`call ${call.sid} has no StatusCallback`);
    this.endWithoutCallback(call, callStatus, extra.AnsweredBy);
    return this.webhook(call.statusCallback, this.callFields(call, { CallStatus: callStatus, CallDuration: callStatus === 'completed' ? '20' : '0', ...extra }));
  }

  /** The call ends at Twilio but its status callback is lost (our service was down, say). */
  endWithoutCallback(call: FakeCall, callStatus: string, answeredBy?: string): void {
    call.status = callStatus;
    if (answeredBy) call.answeredBy = answeredBy;
  }

  /** Twilio's asynchronous answering-machine verdict. */
  async machineVerdict(call: FakeCall, answeredBy: string): Promise<{ status: number; body: string }> {
    if (!call.machineDetectionCallback) throw new Error(`call ${call.sid} was placed without machine detection`);
    return this.webhook(call.machineDetectionCallback, { CallSid: call.sid, AccountSid: this.options.accountSid, AnsweredBy: answeredBy, MachineDetectionDuration: '3100' });
  }

  async close(): Promise<void> {
    for (const timer of this.pendingTimers) clearTimeout(timer);
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
