import { randomBytes } from 'node:crypto';
import type { ResponseStatus } from '../../src/store/response-record.js';
import type { ResponseStore } from '../../src/store/response-store.js';
import type { SurveySubject } from '../../src/store/response-record.js';
import type { VoiceSurvey } from '../../voice/voice-survey.js';
import { gatherPositionSchema } from '../../voice/webhook-fields.js';
import { readTwiml, type HeardTwiml } from './twiml-reader.js';

export interface SimulatedTurn extends HeardTwiml {
  callSid: string;
  /** The TwiML the phone would get, unchanged. */
  twiml: string;
  /** What the store now holds for this call. */
  stored: { status: ResponseStatus; score: number | null; reason: string | null; test: boolean } | null;
}

export interface CallSetup {
  language: string;
  subject: Pick<SurveySubject, 'customerName' | 'agentName'>;
}

export interface CallerInput {
  /** The TwiML's <Gather action>, which is where Twilio would post the answer. */
  action: string;
  digits?: string;
  speech?: string;
}

export class SimulatorInputError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
    this.name = 'SimulatorInputError';
  }
}

/** A CallSid of Twilio's shape (CA + 32 hex digits), random, so the voice flow accepts it as it is. */
export function newSimulatorCallSid(): string {
  return `CA${randomBytes(16).toString('hex')}`;
}

/**
 * A phone call played in-process against the real voice flow: VoiceSurvey gets the same calls
 * Twilio's webhooks make (without the HTTP and the signature), and its TwiML is read back as
 * captions and the next thing the caller can do. The call is stored as a test response, which
 * every report leaves out. No caller number is given, so nothing reaches the do-not-call list.
 */
export class SimulatedCalls {
  constructor(
    private readonly voiceSurvey: VoiceSurvey,
    private readonly store: ResponseStore,
    private readonly publicUrl: string,
  ) {}

  async start(setup: CallSetup): Promise<SimulatedTurn> {
    const callSid = newSimulatorCallSid();
    const twiml = await this.voiceSurvey.incoming({ CallSid: callSid, Direction: 'inbound' }, {}, { test: true, language: setup.language, subject: setup.subject });
    return this.turn(callSid, twiml);
  }

  async answer(callSid: string, input: CallerInput): Promise<SimulatedTurn> {
    await this.requireSimulatedCall(callSid);
    const position = this.positionIn(input.action);
    const result = {
      CallSid: callSid,
      Direction: 'inbound',
      ...(input.digits ? { Digits: input.digits } : {}),
      ...(input.speech?.trim() ? { SpeechResult: input.speech.trim() } : {}),
    };
    return this.turn(callSid, await this.voiceSurvey.answer(result, position));
  }

  /** The caller hangs up: Twilio's status callback for a completed call. */
  async hangUp(callSid: string): Promise<SimulatedTurn['stored']> {
    await this.requireSimulatedCall(callSid);
    await this.voiceSurvey.status({ CallSid: callSid, CallStatus: 'completed' }, {});
    return this.stored(callSid);
  }

  private async requireSimulatedCall(callSid: string): Promise<void> {
    const response = /^CA[0-9a-f]{32}$/.test(callSid) ? await this.store.get(callSid) : null;
    // Only the simulator's own (test) calls: a real call's CallSid never goes through here.
    if (!response?.test) throw new SimulatorInputError('no simulated call with that CallSid', 404);
  }

  private positionIn(action: string) {
    let url: URL;
    try {
      url = new URL(action);
    } catch {
      throw new SimulatorInputError('action must be the URL from the last <Gather>', 400);
    }
    if (`${url.origin}${url.pathname}` !== `${this.publicUrl}/voice/answer`) throw new SimulatorInputError('action must be the URL from the last <Gather>', 400);
    const position = gatherPositionSchema.safeParse(Object.fromEntries(url.searchParams));
    if (!position.success) throw new SimulatorInputError('action must be the URL from the last <Gather>', 400);
    return position.data;
  }

  private async stored(callSid: string): Promise<SimulatedTurn['stored']> {
    const response = await this.store.get(callSid);
    return response ? { status: response.status, score: response.score, reason: response.reason, test: response.test } : null;
  }

  private async turn(callSid: string, twiml: string): Promise<SimulatedTurn> {
    return { callSid, twiml, ...readTwiml(twiml), stored: await this.stored(callSid) };
  }
}
