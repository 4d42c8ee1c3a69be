import type { SurveySubject } from '../src/store/response-record.js';
import type { Answer } from '../src/survey/engine.js';
import { surveyLanguage } from '../src/survey/messages/languages.js';
import type { ConversationRef, SurveyConversation } from '../src/survey/survey-conversation.js';
import type { SurveyPrompt } from '../src/survey/survey-prompt.js';
import type { DialerHooks } from './dialer-hooks.js';
import { promptTwiml } from './prompt-twiml.js';
import type { GatherPosition, GatherResult, IncomingCall, StatusCallback } from './webhook-fields.js';

export interface VoiceSurveyOptions {
  conversation: SurveyConversation;
  publicUrl: string;
  defaultLanguage: string;
  dialer?: DialerHooks;
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

function callRef(callSid: string): ConversationRef {
  return { responseId: callSid, channel: 'voice', conversationId: callSid };
}

export function isMachine(answeredBy: string | undefined): boolean {
  return answeredBy !== undefined && (answeredBy.startsWith('machine') || answeredBy === 'fax');
}

/**
 * The phone channel: one Twilio webhook is one survey turn, taken by SurveyConversation; this class
 * only turns Twilio's fields into an answer and the survey's prompt into one TwiML document.
 */
export class VoiceSurvey {
  constructor(private readonly options: VoiceSurveyOptions) {}

  private twiml(prompt: SurveyPrompt): string {
    return promptTwiml(prompt, this.options.publicUrl);
  }

  /**
   * A new call (or Twilio asking again for one in progress). `preset` comes from in-process callers
   * such as the phone simulator, never from the webhook itself.
   */
  async incoming(call: IncomingCall, query: Record<string, string>, preset: CallPreset = {}): Promise<string> {
    const outbound = this.options.dialer && query.campaign ? await this.options.dialer.contextForCall(query, call.CallSid) : null;
    const language = outbound?.language ?? preset.language ?? this.options.defaultLanguage;
    const subject = outbound?.subject ?? preset.subject ?? {};
    if (isMachine(call.AnsweredBy)) return this.twiml(this.options.conversation.say(language, ['machineMessage'], 'voice', subject));
    const phone = customerNumber(call);
    const start = { subject: { ...subject, ...(phone ? { phone } : {}) }, language, ...(preset.test ? { test: true } : {}) };
    return this.twiml(await this.options.conversation.openCall(callRef(call.CallSid), start, outbound ? 'outboundCall' : 'inboundCall'));
  }

  /** The answer to a <Gather>: where it was asked travels in the signed action URL. */
  async answer(result: GatherResult, position: GatherPosition): Promise<string> {
    const phone = customerNumber(result);
    const prompt = await this.options.conversation.answerCall(callRef(result.CallSid), { step: position.step, attempt: position.attempt }, heardAnswer(result), surveyLanguage(position.lang).code, phone);
    if (prompt.optedOut && phone) await this.options.dialer?.onOptOut?.(phone);
    return this.twiml(prompt);
  }

  /** An apology and a hang-up, for a turn that could not be taken (storage down or too slow). */
  unavailable(lang: string | undefined): string {
    return this.twiml(this.options.conversation.say(lang ?? this.options.defaultLanguage, ['serviceUnavailable'], 'voice'));
  }

  /** Twilio's status callback: a call that ended mid-survey keeps its score as partial, or is abandoned. */
  async status(update: StatusCallback, query: Record<string, string>): Promise<void> {
    if (ENDED_CALL_STATUSES.has(update.CallStatus)) {
      await this.options.conversation.endCall(callRef(update.CallSid), update.RecordingUrl ? { recordingUrl: update.RecordingUrl } : undefined);
    }
    await this.options.dialer?.onCallStatus({
      callSid: update.CallSid,
      callStatus: update.CallStatus,
      ...(update.AnsweredBy ? { answeredBy: update.AnsweredBy } : {}),
      query,
    });
  }
}
