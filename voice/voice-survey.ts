import type { DoNotCallList } from '../src/store/do-not-call-list.js';
import type { ResponseRecord, SurveySubject, TranscriptTurn } from '../src/store/response-record.js';
import { TERMINAL_STATUSES } from '../src/store/response-record.js';
import type { ResponseStore, StoredEvent } from '../src/store/response-store.js';
import { composeReply } from '../src/survey/compose-reply.js';
import { decide, open, reasonQuestionFor, type Answer, type Decision, type SurveyEvent, type SurveyPosition } from '../src/survey/engine.js';
import type { MessageKey, SurveyLanguage } from '../src/survey/messages/message-catalog.js';
import { surveyLanguage } from '../src/survey/messages/languages.js';
import type { MessageValues } from '../src/survey/render-message.js';
import type { ReasonTagger } from '../src/tagging/tagger.js';
import type { DialerHooks } from './dialer-hooks.js';
import { gatherTwiml, hangupTwiml } from './twiml.js';
import type { GatherPosition, GatherResult, IncomingCall, StatusCallback } from './webhook-fields.js';
import { spokenPhoneNumber } from './spoken-phone-number.js';

export interface VoiceSurveyOptions {
  store: ResponseStore;
  doNotCall: DoNotCallList;
  tagger: () => ReasonTagger;
  publicUrl: string;
  businessName: string;
  callbackNumber?: string;
  defaultLanguage: string;
  dialer?: DialerHooks;
  now?: () => Date;
}

export interface CallPreset {
  language?: string;
  subject?: SurveySubject;
  /** Simulator calls: stored and listed, left out of every report. */
  test?: boolean;
}

const ENDED_CALL_STATUSES = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

function customerNumber(call: IncomingCall): string | undefined {
  return call.Direction?.startsWith('outbound') ? call.To : call.From;
}

function heardAnswer(result: GatherResult): Answer {
  const speech = result.SpeechResult?.trim();
  if (speech) return result.Confidence === undefined ? { kind: 'text', text: speech } : { kind: 'text', text: speech, confidence: result.Confidence };
  if (result.Digits) return { kind: 'keys', digits: result.Digits };
  return { kind: 'silence' };
}

function questionAt(position: SurveyPosition, score: number | null): MessageKey {
  if (position.step === 'consent') return 'consentQuestion';
  if (position.step === 'score') return 'scoreQuestion';
  return score === null ? 'reasonQuestionPassive' : reasonQuestionFor(score);
}

function storedEvent(event: SurveyEvent | null, tagger: ReasonTagger, language: string, score: number | null): StoredEvent | undefined {
  if (event === null) return undefined;
  if (event.type === 'score' || event.type === 'optedOut') return event;
  if (event.type === 'gaveUp') return { type: 'ended' };
  const tagged = tagger.tag(event.reason, { lang: language, score });
  return { type: 'reason', reason: event.reason, tags: tagged.tags, sentiment: tagged.sentiment, language: tagged.lang, taggerVersion: tagger.version };
}

/** The phone survey: one Twilio webhook is one turn of the survey engine, one Redis round trip and one TwiML document. */
export class VoiceSurvey {
  /** The callback number as the calls read it out; worked out once, not on every turn. */
  private readonly spokenCallbackNumber: string | undefined;
  /** What the bot says for a decision that names nobody; a few dozen texts per language, so worked out once each. */
  private readonly impersonalSpeech = new Map<string, string>();

  constructor(private readonly options: VoiceSurveyOptions) {
    this.spokenCallbackNumber = options.callbackNumber === undefined ? undefined : spokenPhoneNumber(options.callbackNumber);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private values(subject: { customerName?: string; agentName?: string } = {}): MessageValues {
    return {
      businessName: this.options.businessName,
      callbackNumber: this.spokenCallbackNumber,
      customerName: subject.customerName,
      agentName: subject.agentName,
    };
  }

  private actionUrl(position: SurveyPosition, language: SurveyLanguage): string {
    const query = new URLSearchParams({ step: position.step, attempt: String(position.attempt), lang: language.code });
    return `${this.options.publicUrl}/voice/answer?${query.toString()}`;
  }

  private speech(decision: Pick<Decision, 'say' | 'score'>, language: SurveyLanguage, values: MessageValues): string {
    const compose = (): string =>
      composeReply(decision, { language, values })
        .map((reply) => reply.speech)
        .join(' ');
    if (values.customerName !== undefined || values.agentName !== undefined) return compose();
    const key = `${language.code}|${decision.score ?? ''}|${decision.say.join(' ')}`;
    let speech = this.impersonalSpeech.get(key);
    if (speech === undefined) {
      speech = compose();
      this.impersonalSpeech.set(key, speech);
    }
    return speech;
  }

  /** TwiML for what the bot just said (`speech`) and where the call goes next. */
  private twiml(decision: Pick<Decision, 'say' | 'score' | 'next'>, language: SurveyLanguage, values: MessageValues, speech = this.speech(decision, language, values)): string {
    if (decision.next === null) return hangupTwiml(speech, language.voiceLocale);
    const input = decision.next.step === 'reason' ? 'speech' : 'keys';
    return gatherTwiml({ speech, locale: language.voiceLocale, action: this.actionUrl(decision.next, language), input });
  }

  private resume(response: ResponseRecord, language: SurveyLanguage): string {
    const values = this.values(response);
    const position = response.position;
    if (TERMINAL_STATUSES.includes(response.status) || position === null) return this.twiml({ say: ['alreadyAnswered'], next: null }, language, values);
    return this.twiml({ say: [questionAt(position, response.score)], next: position }, language, values);
  }

  /**
   * A new call (or Twilio asking again for one in progress). `preset` comes from in-process callers
   * such as the phone simulator, never from the webhook itself.
   */
  async incoming(call: IncomingCall, query: Record<string, string>, preset: CallPreset = {}): Promise<string> {
    const outbound = this.options.dialer && query.campaign ? await this.options.dialer.contextForCall(query, call.CallSid) : null;
    const language = surveyLanguage(outbound?.language ?? preset.language ?? this.options.defaultLanguage);
    const subject = outbound?.subject ?? preset.subject ?? {};
    const values = this.values(subject);
    if (call.AnsweredBy?.startsWith('machine') || call.AnsweredBy === 'fax') {
      return hangupTwiml(composeReply({ say: ['machineMessage'] }, { language, values }).map((reply) => reply.speech).join(' '), language.voiceLocale);
    }
    const decision = open(outbound ? 'outboundCall' : 'inboundCall');
    const at = this.now();
    const phone = customerNumber(call);
    const speech = this.speech(decision, language, values);
    const result = await this.options.store.applyTurn({
      id: call.CallSid,
      create: { channel: 'voice', conversationId: call.CallSid, language: language.code, ...subject, ...(phone ? { phone } : {}), ...(preset.test ? { test: true } : {}) },
      stepKey: 'open',
      position: decision.next,
      turns: [{ at: at.toISOString(), speaker: 'bot', text: speech }],
      at,
      returnResponse: false,
    });
    if (result.outcome !== 'ok' && result.response) return this.resume(result.response, surveyLanguage(result.response.language));
    return this.twiml(decision, language, values, speech);
  }

  /** The answer to a <Gather>: where it was asked travels in the signed action URL. */
  async answer(result: GatherResult, position: GatherPosition): Promise<string> {
    const language = surveyLanguage(position.lang);
    const answer = heardAnswer(result);
    const decision = decide({ step: position.step, attempt: position.attempt }, answer, language.code);
    const at = this.now();
    const atIso = at.toISOString();
    const turns: TranscriptTurn[] = [];
    if (answer.kind === 'keys') turns.push({ at: atIso, speaker: 'customer', text: answer.digits, via: 'keys' });
    if (answer.kind === 'text') {
      turns.push({ at: atIso, speaker: 'customer', text: answer.text, via: 'speech', ...(answer.confidence === undefined ? {} : { confidence: answer.confidence }) });
    }
    const values = this.values();
    const speech = this.speech(decision, language, values);
    turns.push({ at: atIso, speaker: 'bot', text: speech });
    const optingOut = decision.event?.type === 'optedOut';
    const phone = customerNumber(result);
    // Before the save: a caller told "you won't be contacted again" must be on the list even if what follows fails.
    if (optingOut && phone) await this.options.doNotCall.addPhones([phone]);
    const applied = await this.options.store.applyTurn({
      id: result.CallSid,
      create: { channel: 'voice', conversationId: result.CallSid, language: language.code, ...(phone ? { phone } : {}) },
      stepKey: `${position.step}:${position.attempt}`,
      event: storedEvent(decision.event, this.options.tagger(), language.code, decision.score ?? null),
      position: decision.next,
      turns,
      at,
      returnResponse: optingOut,
    });
    if (applied.outcome === 'closed') return this.twiml({ say: ['alreadyAnswered'], next: null }, language, values);
    if (optingOut && applied.outcome === 'ok') await this.recordOptOut(applied.response);
    return this.twiml(decision, language, values, speech);
  }

  private async recordOptOut(response: ResponseRecord | null): Promise<void> {
    if (!response?.phone) return;
    if (response.customerId) await this.options.doNotCall.addCustomer(response.customerId);
    await this.options.dialer?.onOptOut?.(response.phone);
  }

  /** Twilio's status callback: a call that ended mid-survey keeps its score as partial, or is abandoned. */
  async status(update: StatusCallback, query: Record<string, string>): Promise<void> {
    if (ENDED_CALL_STATUSES.has(update.CallStatus)) {
      await this.options.store.applyTurn({
        id: update.CallSid,
        event: { type: 'ended' },
        position: null,
        ...(update.RecordingUrl ? { set: { recordingUrl: update.RecordingUrl } } : {}),
        at: this.now(),
        returnResponse: false,
      });
    }
    await this.options.dialer?.onCallStatus({
      callSid: update.CallSid,
      callStatus: update.CallStatus,
      ...(update.AnsweredBy ? { answeredBy: update.AnsweredBy } : {}),
      query,
    });
  }
}
