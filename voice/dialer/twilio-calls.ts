import twilio, { type Twilio } from 'twilio';

export interface OutboundCall {
  to: string;
  /** TwiML URL Twilio fetches when the call is answered. */
  url: string;
  statusCallback: string;
  /** Asynchronous answering-machine detection, its verdict posted here. */
  machineDetectionCallback?: string;
}

/**
 * A create Twilio refused for this call alone (400: a number it will not dial); retrying cannot help.
 * Anything else (5xx, 429, timeouts, no connection) leaves it unknown whether the call exists.
 */
export class CallRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallRejectedError';
  }
}

/** What the dialer needs from Twilio's Calls API. */
export interface CallsApi {
  /** Returns the new call's CallSid; throws CallRejectedError, or any other error when the outcome is unknown. */
  place(call: OutboundCall): Promise<string>;
  /** CallSids of calls from our number to `to` that started at or after `since`: reconciliation after a lost answer. */
  callsTo(to: string, since: Date): Promise<string[]>;
  /** Replaces what a call in progress is doing (e.g. a message for an answering machine). */
  redirect(callSid: string, twiml: string): Promise<void>;
  /** The call's status as Twilio has it now (for calls whose status callback never came). */
  status(callSid: string): Promise<{ status: string; answeredBy?: string }>;
}

export interface TwilioAccountSettings {
  accountSid: string;
  authToken: string;
  fromNumber: string;
  /** Another REST API host (a local fake in tests); twilio 6.2 has no option for it, so the domain's baseUrl is set. */
  apiUrl?: string;
  /** Per-request timeout; a create that times out counts as "unknown" and is reconciled. */
  timeoutMs: number;
}

/** The real twilio client for the dialer: no automatic retries (a retried create can call someone twice) and a short timeout. */
export function createDialerTwilioClient(settings: TwilioAccountSettings): Twilio {
  const client = twilio(settings.accountSid, settings.authToken, { autoRetry: false, timeout: settings.timeoutMs });
  if (settings.apiUrl) client.api.baseUrl = settings.apiUrl;
  return client;
}

function describe(error: unknown): string {
  const failure = error as { status?: unknown; code?: unknown; message?: unknown };
  const message = typeof failure.message === 'string' ? failure.message.slice(0, 300) : String(error).slice(0, 300);
  if (typeof failure.status === 'number') return `Twilio answered ${failure.status}${typeof failure.code === 'number' ? ` (error ${failure.code})` : ''}: ${message}`;
  return `Twilio could not be reached: ${message}`;
}

export class TwilioCalls implements CallsApi {
  constructor(
    private readonly client: Twilio,
    private readonly fromNumber: string,
  ) {}

  async place(call: OutboundCall): Promise<string> {
    try {
      const created = await this.client.calls.create({
        to: call.to,
        from: this.fromNumber,
        url: call.url,
        method: 'POST',
        statusCallback: call.statusCallback,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['answered', 'completed'],
        ...(call.machineDetectionCallback
          ? { machineDetection: 'DetectMessageEnd', asyncAmd: 'true', asyncAmdStatusCallback: call.machineDetectionCallback, asyncAmdStatusCallbackMethod: 'POST' }
          : {}),
      });
      return created.sid;
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (status === 400) throw new CallRejectedError(describe(error));
      throw new Error(describe(error));
    }
  }

  async callsTo(to: string, since: Date): Promise<string[]> {
    const calls = await this.client.calls.list({ to, from: this.fromNumber, startTimeAfter: since, limit: 20 });
    return calls.map((call) => call.sid);
  }

  async redirect(callSid: string, twiml: string): Promise<void> {
    await this.client.calls(callSid).update({ twiml });
  }

  async status(callSid: string): Promise<{ status: string; answeredBy?: string }> {
    const call = await this.client.calls(callSid).fetch();
    return { status: call.status, ...(call.answeredBy ? { answeredBy: call.answeredBy } : {}) };
  }
}
