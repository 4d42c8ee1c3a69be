import type { SurveySubject } from '../src/store/response-record.js';
import type { Answer } from '../src/survey/engine.js';
import { isSurveyLanguage, surveyLanguage } from '../src/survey/messages/languages.js';
import { fillTemplate } from '../src/survey/render-message.js';
import type { MessageOverrides } from '../src/survey/messages/message-overrides.js';
import type { ConversationRef, SurveyConversation } from '../src/survey/survey-conversation.js';
import type { SurveyPrompt } from '../src/survey/survey-prompt.js';
import type { DialerHooks } from './dialer-hooks.js';
import { PromptAudio } from './prompt-audio.js';
import { promptTwiml } from './prompt-twiml.js';
import { languageMenuTwiml } from './twiml.js';
import type { GatherPosition, GatherResult, IncomingCall, StatusCallback } from './webhook-fields.js';

export interface VoiceSurveyOptions {
  conversation: SurveyConversation;
  publicUrl: string;
  defaultLanguage: string;
  dialer?: DialerHooks;
  /** Voices and recordings; the documented voices and no recordings when absent. */
  audio?: PromptAudio;
  /** VOICE_LANGUAGE_MENU: inbound calls with no language of their own first choose one of these by keypad (digit 1 = the first). */
  languageMenu?: readonly string[];
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
  private readonly audio: PromptAudio;

  constructor(private readonly options: VoiceSurveyOptions) {
    this.audio = options.audio ?? new PromptAudio(options.publicUrl);
  }

  private twiml(prompt: SurveyPrompt, campaign?: string): string {
    return promptTwiml(prompt, this.options.publicUrl, this.audio, campaign);
  }

  /** A campaign's own wording, when the call belongs to a campaign that has one. */
  private async wording(campaignId: string | undefined): Promise<MessageOverrides | undefined> {
    return campaignId && this.options.dialer?.campaignMessages ? this.options.dialer.campaignMessages(campaignId) : undefined;
  }

  /** "For English, press 1. Magyar nyelvhez …": each line in its own language and voice. */
  languageMenu(): string {
    const lines = (this.options.languageMenu ?? []).map((code, index) => {
      const language = this.options.conversation.language(code);
      return { say: fillTemplate(language.messages.languageMenuOption.text, { digit: index + 1 }), locale: language.voiceLocale, voice: this.audio.voice(code) };
    });
    return languageMenuTwiml(lines, `${this.options.publicUrl}/voice/language`);
  }

  /** The caller's keypad choice from the language menu; no digit, or one the menu does not offer, keeps DEFAULT_LANGUAGE. */
  async languageChosen(call: GatherResult): Promise<string> {
    const menu = this.options.languageMenu ?? [];
    const digit = /^[1-9]$/.test(call.Digits ?? '') ? Number(call.Digits) : 0;
    const language = menu[digit - 1] ?? this.options.defaultLanguage;
    return this.incoming(call, {}, { language });
  }

  /**
   * A new call (or Twilio asking again for one in progress). `preset` comes from in-process callers
   * such as the phone simulator, never from the webhook itself.
   */
  async incoming(call: IncomingCall, query: Record<string, string>, preset: CallPreset = {}): Promise<string> {
    const outbound = this.options.dialer && query.campaign ? await this.options.dialer.contextForCall(query, call.CallSid) : null;
    const asked = outbound?.language ?? preset.language ?? (isSurveyLanguage(query.lang) ? query.lang : undefined);
    if (asked === undefined && !outbound && (this.options.languageMenu?.length ?? 0) > 0) return this.languageMenu();
    const language = asked ?? this.options.defaultLanguage;
    const subject = outbound?.subject ?? preset.subject ?? {};
    const wording = await this.wording(outbound?.subject.campaignId);
    const campaign = wording ? outbound?.subject.campaignId : undefined;
    if (isMachine(call.AnsweredBy)) return this.twiml(this.options.conversation.say(language, ['machineMessage'], 'voice', subject, undefined, wording));
    const phone = customerNumber(call);
    const start = { subject: { ...subject, ...(phone ? { phone } : {}) }, language, ...(preset.test ? { test: true } : {}), ...(wording ? { messages: wording } : {}) };
    return this.twiml(await this.options.conversation.openCall(callRef(call.CallSid), start, outbound ? 'outboundCall' : 'inboundCall'), campaign);
  }

  /** The answer to a <Gather>: where it was asked travels in the signed action URL. */
  async answer(result: GatherResult, position: GatherPosition): Promise<string> {
    const phone = customerNumber(result);
    const wording = await this.wording(position.campaign);
    const prompt = await this.options.conversation.answerCall(callRef(result.CallSid), { step: position.step, attempt: position.attempt }, heardAnswer(result), surveyLanguage(position.lang).code, phone, wording);
    if (prompt.optedOut && phone) await this.options.dialer?.onOptOut?.(phone);
    return this.twiml(prompt, wording ? position.campaign : undefined);
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
