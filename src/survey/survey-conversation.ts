import type { DoNotCallList } from '../store/do-not-call-list.js';
import type { Channel, SurveySubject, TranscriptTurn } from '../store/response-record.js';
import type { ConversationState, NewResponse, ResponseStore, StoredEvent, TurnResult } from '../store/response-store.js';
import type { ReasonTagger } from '../tagging/tagger.js';
import { chooseLanguage } from './choose-language.js';
import { composeReply } from './compose-reply.js';
import { decide, open, reasonQuestionFor, type Answer, type Decision, type Opening, type SurveyEvent, type SurveyPosition } from './engine.js';
import { isOptOutRequest } from '../scoring/opt-out.js';
import type { MessageKey } from './messages/message-catalog.js';
import { surveyLanguage } from './messages/languages.js';
import { withOverrides, type MessageOverrides } from './messages/message-overrides.js';
import type { SurveyLanguage } from './messages/message-catalog.js';
import { replyValues, type BusinessValues, type TextFormat } from './message-values.js';
import type { RenderedText } from './render-message.js';
import { promptFor, retryMessageAt, type SurveyPrompt } from './survey-prompt.js';

/** Which conversation a turn belongs to. One conversation is one response. */
export interface ConversationRef {
  responseId: string;
  channel: Channel;
  conversationId: string;
  /** Chat only: the Bot Framework channel. */
  channelId?: string;
  /** How the surface shows text, when not the channel's usual (chat renders Markdown, texts and calls do not). */
  textFormat?: TextFormat;
}

/** What a channel knows when a conversation starts; used once, to create the response, and never again. */
export interface ConversationStart {
  subject: SurveySubject;
  /** An explicit language choice (a locale, the contact's language). */
  language?: string;
  /** Simulator conversations: stored and listed, left out of every report. */
  test?: boolean;
  /** A campaign's own wording, over the deployment's (calls only). */
  messages?: MessageOverrides;
  /** A public page claimed an identity it could not prove (an unsigned link): recorded as unverified. */
  unverified?: boolean;
}

/** A chat-like turn: a message the person wrote (or said), or the channel starting the conversation. */
export type ConversationInput = { kind: 'message'; text: string; via?: 'text' | 'speech' } | { kind: 'start' };

export interface SurveyConversationOptions {
  store: ResponseStore;
  doNotCall: DoNotCallList;
  tagger: () => ReasonTagger;
  business: BusinessValues;
  defaultLanguage: string;
  /** The deployment's wording (SURVEY_MESSAGES_FILE), checked at start-up. */
  messages?: MessageOverrides;
  now?: () => Date;
}

/** Another turn of the same conversation kept winning the race; the channel answers "busy, try again". */
export class ConversationBusyError extends Error {
  constructor() {
    super('another turn of this conversation is still running');
    this.name = 'ConversationBusyError';
  }
}

/** Two turns of one conversation racing is rare; more retries than this means something else is wrong. */
const MAX_CONFLICTS = 5;
const MAX_CACHED_RENDERINGS = 2000;
const SILENT: SurveyPrompt = { replies: [], expects: null, reprompt: null, end: false, position: null, language: 'en', optedOut: false };

type Names = Pick<SurveySubject, 'customerName' | 'agentName'>;

function textFormatOf(channel: Channel): TextFormat {
  return channel === 'chat' ? 'markdown' : 'plain';
}

function formatOf(ref: Pick<ConversationRef, 'channel' | 'textFormat'>): TextFormat {
  return ref.textFormat ?? textFormatOf(ref.channel);
}

function questionAt(position: SurveyPosition, score: number | null): MessageKey {
  if (position.step === 'consent') return 'consentQuestion';
  if (position.step === 'score') return 'scoreQuestion';
  return score === null ? 'reasonQuestionPassive' : reasonQuestionFor(score);
}

/**
 * The one owner of a survey turn, for every channel. Given a conversation, who it is about, where
 * it stands and an answer, it runs the engine, tags the reason, puts an opt-out on the do-not-call
 * list before anything else, writes answer, transcript, event and counters in one atomic script,
 * and returns a channel-neutral prompt. Channels only translate.
 */
export class SurveyConversation {
  private readonly impersonal = new Map<string, RenderedText[]>();
  private readonly languages = new Map<string, SurveyLanguage>();

  constructor(private readonly options: SurveyConversationOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /**
   * A turn of a chat-like conversation (Bot Framework, web chat, text messages): reads where it
   * stands, decides, and applies the turn only if nobody moved it meanwhile (compare-and-set).
   */
  async converse(ref: ConversationRef, start: ConversationStart, input: ConversationInput): Promise<SurveyPrompt> {
    for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts += 1) {
      const state = await this.options.store.state(ref.responseId);
      const prompt = state ? await this.continueConversation(ref, state, input) : await this.openConversation(ref, start, input);
      if (prompt !== 'conflict') return prompt;
    }
    throw new ConversationBusyError();
  }

  /** A call starts (or Twilio asks again for one in progress): greets and asks the first question. */
  async openCall(ref: ConversationRef, start: ConversationStart, opening: Exclude<Opening, 'chat'>): Promise<SurveyPrompt> {
    const language = chooseLanguage(start.language, undefined, this.options.defaultLanguage).code;
    const decision = open(opening);
    const wording = start.messages;
    const replies = this.render(decision, language, formatOf(ref), start.subject, wording);
    const at = this.now();
    const result = await this.options.store.applyTurn({
      id: ref.responseId,
      create: this.newResponse(ref, start, language),
      stepKey: 'open',
      position: decision.next,
      turns: botTurns(ref.channel, replies, at),
      at,
      returnResponse: false,
    });
    if (result.outcome === 'ok' || !result.response) return this.prompt(decision, replies, language, formatOf(ref), start.subject, wording);
    const stored = result.response;
    if (stored.status !== 'in_progress' || stored.position === null) return this.say(stored.language, ['alreadyAnswered'], ref.channel, stored, formatOf(ref), wording);
    const resumed = { say: [questionAt(stored.position, stored.score)], next: stored.position, event: null };
    return this.prompt(resumed, this.render(resumed, stored.language, formatOf(ref), stored, wording), stored.language, formatOf(ref), stored, wording);
  }

  /**
   * The answer to a question on a call: where it was asked travels with the answer (Twilio's signed
   * action URL), so no read comes first; the step key makes Twilio's retries harmless.
   */
  async answerCall(ref: ConversationRef, position: SurveyPosition, answer: Answer, language: string, phone?: string, wording?: MessageOverrides): Promise<SurveyPrompt> {
    const decision = decide(position, answer, language);
    const replies = this.render(decision, language, formatOf(ref), {}, wording);
    const at = this.now();
    const optingOut = decision.event?.type === 'optedOut';
    // Before the save: a caller told "you won't be contacted again" must be on the list even if what follows fails.
    if (optingOut && phone) await this.options.doNotCall.addPhones([phone]);
    const applied = await this.options.store.applyTurn({
      id: ref.responseId,
      create: { channel: ref.channel, conversationId: ref.conversationId, language, ...(phone ? { phone } : {}) },
      stepKey: `${position.step}:${position.attempt}`,
      events: this.storedEvents(decision, language),
      position: decision.next,
      turns: [...customerTurn(answer, at, 'speech'), ...botTurns(ref.channel, replies, at)],
      at,
      returnResponse: optingOut,
    });
    if (applied.outcome === 'closed') return this.say(language, ['alreadyAnswered'], ref.channel, {}, formatOf(ref), wording);
    if (optingOut && applied.outcome === 'ok' && applied.response?.customerId) await this.options.doNotCall.addCustomer(applied.response.customerId);
    const prompt = this.prompt(decision, replies, language, formatOf(ref), {}, wording);
    return applied.outcome === 'ok' ? prompt : { ...prompt, optedOut: false };
  }

  /** The call ended (Twilio's status callback): a survey still going keeps its score as partial, or is abandoned. */
  async endCall(ref: ConversationRef, set?: Record<string, string>): Promise<TurnResult> {
    return this.options.store.applyTurn({ id: ref.responseId, events: [{ type: 'ended' }], position: null, ...(set ? { set } : {}), at: this.now(), returnResponse: false });
  }

  /** Messages outside a survey turn (a machine's message, an apology, help): rendered, nothing stored. */
  say(language: string, keys: MessageKey[], channel: Channel, subject: Names = {}, format = textFormatOf(channel), wording?: MessageOverrides): SurveyPrompt {
    return { replies: this.render({ say: keys }, language, format, subject, wording), expects: null, reprompt: null, end: true, position: null, language, optedOut: false };
  }

  private async openConversation(ref: ConversationRef, start: ConversationStart, input: ConversationInput): Promise<SurveyPrompt | 'conflict'> {
    const firstMessage = input.kind === 'message' ? input.text : undefined;
    const choice = chooseLanguage(start.language, firstMessage, this.options.defaultLanguage);
    const language = choice.code;
    const decision = open('chat', firstMessage, language);
    const replies = this.render(decision, language, formatOf(ref), start.subject);
    if (decision.event?.type === 'optedOut') await this.optOut(start.subject);
    const create = this.newResponse(ref, start, language);
    if (choice.detected) create.detectedLanguage = choice.detected;
    const at = this.now();
    const result = await this.options.store.applyTurn({
      id: ref.responseId,
      create,
      expectNew: true,
      events: this.storedEvents(decision, language),
      position: decision.next,
      turns: [...(input.kind === 'message' ? customerTurn({ kind: 'text', text: input.text }, at, input.via) : []), ...botTurns(ref.channel, replies, at)],
      at,
      returnResponse: false,
    });
    return this.settle(result, decision, replies, language, ref, start.subject);
  }

  private async continueConversation(ref: ConversationRef, state: ConversationState, input: ConversationInput): Promise<SurveyPrompt | 'conflict'> {
    const { language, subject } = state;
    // The channel starting a conversation that already has its survey (a page reloaded): nothing to add.
    if (input.kind === 'start') return { ...SILENT, language };
    if (state.position === null) return this.afterTheEnd(state, input.text, ref);
    const answer: Answer = { kind: 'text', text: input.text };
    const decision = decide(state.position, answer, language);
    const replies = this.render({ ...decision, score: decision.score ?? state.score ?? undefined }, language, formatOf(ref), subject);
    if (decision.event?.type === 'optedOut') await this.optOut(subject);
    const at = this.now();
    const result = await this.options.store.applyTurn({
      id: ref.responseId,
      expect: state.position,
      events: this.storedEvents(decision, language, state.score),
      position: decision.next,
      turns: [...customerTurn(answer, at, input.via), ...botTurns(ref.channel, replies, at)],
      at,
      returnResponse: false,
    });
    return this.settle(result, decision, replies, language, ref, subject);
  }

  /** A message after the survey ended: one short reply, nothing stored; "stop" still reaches the list. */
  private async afterTheEnd(state: ConversationState, text: string, ref: ConversationRef): Promise<SurveyPrompt> {
    const { language, subject } = state;
    const say = (keys: MessageKey[]): SurveyPrompt => this.say(language, keys, ref.channel, subject, formatOf(ref));
    if (state.status === 'opted_out') return say(['alreadyOptedOut']);
    if (isOptOutRequest(text, language)) {
      await this.optOut(subject);
      return { ...say(['optedOut']), optedOut: true };
    }
    return say([state.score === null ? 'surveyClosed' : 'alreadyAnswered']);
  }

  private settle(result: TurnResult, decision: Decision, replies: RenderedText[], language: string, ref: ConversationRef, subject: Names): SurveyPrompt | 'conflict' {
    if (result.outcome === 'conflict' || result.outcome === 'closed') return 'conflict';
    if (result.outcome === 'full') return this.say(language, ['transcriptFull'], ref.channel, subject, formatOf(ref));
    return this.prompt(decision, replies, language, formatOf(ref), subject);
  }

  private async optOut(subject: SurveySubject): Promise<void> {
    await Promise.all([subject.phone ? this.options.doNotCall.addPhones([subject.phone]) : undefined, subject.customerId ? this.options.doNotCall.addCustomer(subject.customerId) : undefined]);
  }

  private prompt(decision: Pick<Decision, 'next' | 'event'>, replies: RenderedText[], language: string, format: TextFormat, subject: Names, wording?: MessageOverrides): SurveyPrompt {
    const retry = retryMessageAt(decision.next);
    const [reprompt] = retry ? this.render({ say: [retry] }, language, format, subject, wording) : [];
    return promptFor(decision, replies, reprompt ?? null, language);
  }

  /**
   * The messages of a decision, written and spoken. Most turns name nobody and repeat a few dozen
   * texts per language, so those are rendered once each (a bounded cache).
   */
  private render(decision: Pick<Decision, 'say' | 'score'>, language: string, format: TextFormat, subject: Names, wording?: MessageOverrides): RenderedText[] {
    const compose = (): RenderedText[] => {
      const values = replyValues(this.options.business, subject, format);
      const worded = wording ? withOverrides(this.language(language), wording) : this.language(language);
      return composeReply(decision, { language: worded, values: values.text, speechValues: values.speech });
    };
    // Named or campaign-worded replies are composed each time; the cache holds the deployment's own wording.
    if (subject.customerName || subject.agentName || wording) return compose();
    const key = `${format}|${language}|${decision.score ?? ''}|${decision.say.join(' ')}`;
    let replies = this.impersonal.get(key);
    if (replies === undefined) {
      replies = compose();
      if (this.impersonal.size >= MAX_CACHED_RENDERINGS) this.impersonal.clear();
      this.impersonal.set(key, replies);
    }
    return replies;
  }

  /** A language's messages with the deployment's wording in place. */
  language(code: string): SurveyLanguage {
    let language = this.languages.get(code);
    if (language === undefined) {
      language = withOverrides(surveyLanguage(code), this.options.messages);
      this.languages.set(code, language);
    }
    return language;
  }

  private newResponse(ref: ConversationRef, start: ConversationStart, language: string): NewResponse {
    return {
      channel: ref.channel,
      conversationId: ref.conversationId,
      ...(ref.channelId ? { channelId: ref.channelId } : {}),
      language,
      ...start.subject,
      ...(start.test ? { test: true } : {}),
      ...(start.unverified ? { unverified: true } : {}),
    };
  }

  private storedEvents(decision: Decision, language: string, knownScore: number | null = null): StoredEvent[] {
    const event: SurveyEvent | null = decision.event;
    if (event === null) return [];
    switch (event.type) {
      case 'score':
      case 'optedOut':
        return [event];
      case 'gaveUp':
        return [{ type: 'ended' }];
      case 'reason':
        return [this.taggedReason(event.reason, language, knownScore)];
      case 'scoreAndReason':
        return [{ type: 'score', score: event.score }, this.taggedReason(event.reason, language, event.score)];
    }
  }

  private taggedReason(reason: string, language: string, score: number | null): StoredEvent {
    const tagger = this.options.tagger();
    const tagged = tagger.tag(reason, { lang: language, score });
    return { type: 'reason', reason, tags: tagged.tags, sentiment: tagged.sentiment, language: tagged.lang, taggerVersion: tagger.version };
  }
}

function customerTurn(answer: Answer, at: Date, via: 'text' | 'speech' = 'text'): TranscriptTurn[] {
  const when = at.toISOString();
  if (answer.kind === 'keys') return [{ at: when, speaker: 'customer', text: answer.digits, via: 'keys' }];
  if (answer.kind === 'text') return [{ at: when, speaker: 'customer', text: answer.text, via, ...(answer.confidence === undefined ? {} : { confidence: answer.confidence }) }];
  return [];
}

/** A call's transcript keeps what was said in one line; a chat's keeps each message. */
function botTurns(channel: Channel, replies: RenderedText[], at: Date): TranscriptTurn[] {
  const when = at.toISOString();
  if (channel === 'voice') return [{ at: when, speaker: 'bot', text: replies.map((reply) => reply.speech).join(' ') }];
  return replies.map((reply) => ({ at: when, speaker: 'bot', text: reply.text }));
}
