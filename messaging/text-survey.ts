import type { Logger } from '../src/logging/logger.js';
import { maskPhone } from '../src/logging/mask.js';
import type { DoNotCallRemoval } from '../src/privacy/do-not-call-removal.js';
import type { DoNotCallList } from '../src/store/do-not-call-list.js';
import type { ResponseStore } from '../src/store/response-store.js';
import { chooseLanguage } from '../src/survey/choose-language.js';
import type { MessageKey } from '../src/survey/messages/message-catalog.js';
import type { ConversationRef, SurveyConversation } from '../src/survey/survey-conversation.js';
import { retryMessageAt, type SurveyPrompt } from '../src/survey/survey-prompt.js';
import type { MessagingChannel } from '../src/survey/text-invitation.js';
import { fitSms } from './gsm-fold.js';
import { inboundAddress, type MessageAddress } from './message-address.js';
import type { IncomingMessage, MessageStatus } from './message-fields.js';
import { textKeyword, keywordLanguage } from './text-keywords.js';
import { textRef, type TextConversations } from './text-conversations.js';

export interface TextSurveyOptions {
  conversation: SurveyConversation;
  conversations: TextConversations;
  store: ResponseStore;
  doNotCall: DoNotCallList;
  removal: DoNotCallRemoval;
  logger: Logger;
  defaultLanguage: string;
  /** Our numbers that take texts (MESSAGING_NUMBERS); undefined: any. */
  ourNumbers?: readonly string[];
  now?: () => Date;
}

const UNDELIVERED = new Set(['undelivered', 'failed']);
/** Twilio: the recipient replied STOP to our sender at the carrier; they must not be texted again. */
const UNSUBSCRIBED_RECIPIENT = '21610';

/**
 * The replies of a turn as one text message (one segment bill per turn rather than one per
 * sentence); on SMS with GSM-7 look-alikes when that saves a segment.
 */
export function messageText(prompt: SurveyPrompt, channel: MessagingChannel): string | null {
  const text = prompt.replies
    .map((reply) => reply.text)
    .join(' ')
    .trim();
  if (text === '') return null;
  return channel === 'sms' ? fitSms(text) : text;
}

function channelOfResponse(responseId: string): MessagingChannel {
  return responseId.startsWith('whatsapp-') ? 'whatsapp' : 'sms';
}

/**
 * The text-message channel (SMS, WhatsApp): one inbound text is one survey turn, taken by
 * SurveyConversation. This class only handles what is particular to texts: the number pair's
 * response, carrier keywords (STOP, START, HELP), numbers on the do-not-call list, messages with no
 * text, and the delivery status of invitations.
 */
export class TextSurvey {
  constructor(private readonly options: TextSurveyOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private say(language: string, keys: MessageKey[], channel: MessagingChannel): string | null {
    return messageText(this.options.conversation.say(language, keys, channel), channel);
  }

  /** The reply to one inbound text, or null when nothing should be sent. */
  async incoming(message: IncomingMessage): Promise<string | null> {
    const { logger, conversations } = this.options;
    const address = inboundAddress(message.From, message.To);
    if (!address) {
      logger.info({ messageSid: message.MessageSid }, 'text ignored: the sender is not a phone number');
      return null;
    }
    const { channel, customerPhone, ourNumber } = address;
    if (this.options.ourNumbers && !this.options.ourNumbers.includes(ourNumber)) {
      logger.warn({ messageSid: message.MessageSid, to: maskPhone(ourNumber) }, 'text ignored: it was sent to a number that is not in MESSAGING_NUMBERS');
      return null;
    }
    if (channel === 'whatsapp') await conversations.noteWhatsAppInbound(customerPhone, this.now());
    // Twilio may deliver one text twice (a retried request): the turn is taken once.
    const seen = await conversations.claimMessage(customerPhone, message.MessageSid);
    if (seen) return seen.reply;
    try {
      const reply = await this.take(message, address);
      await conversations.rememberReply(customerPhone, message.MessageSid, reply);
      return reply;
    } catch (error) {
      await conversations.releaseMessage(customerPhone, message.MessageSid).catch(() => undefined);
      throw error;
    }
  }

  private async take(message: IncomingMessage, address: MessageAddress): Promise<string | null> {
    const { logger, doNotCall, conversations } = this.options;
    const { channel, customerPhone, ourNumber } = address;
    const body = (message.Body ?? '').trim();
    const onList = await doNotCall.hasPhone(customerPhone);
    const keyword = body === '' ? null : textKeyword(body, onList);

    if (keyword === 'help') return this.say(await this.replyLanguage(address, body), ['smsHelp'], channel);
    if (onList) {
      if (keyword !== 'start') return null;
      const language = await this.replyLanguage(address, body);
      await this.optIn(address, message.MessageSid);
      return this.say(language, ['optedIn'], channel);
    }
    const open = await conversations.existing(channel, ourNumber, customerPhone);
    // An empty text answers like an empty chat message (a try spent); a picture alone is not an answer at all.
    if (body === '' && (!open || (message.NumMedia ?? 0) > 0)) return this.withoutText(address, open);
    if (keyword === 'stop' && !open) {
      // Before the confirmation: a customer told "you won't be contacted" must be on the list even if the reply is lost.
      await doNotCall.addPhones([customerPhone]);
      logger.info({ audit: 'text_opt_out', channel, from: maskPhone(customerPhone), messageSid: message.MessageSid }, 'put on the do-not-call list by text');
      return this.say(await this.replyLanguage(address, body), ['optedOut'], channel);
    }
    const ref = open ?? (await conversations.responseFor(channel, ourNumber, customerPhone));
    const prompt = await this.options.conversation.converse(ref, { subject: { phone: customerPhone } }, { kind: 'message', text: body, via: 'text' });
    if (prompt.optedOut) logger.info({ audit: 'text_opt_out', channel, from: maskPhone(customerPhone), responseId: ref.responseId }, 'put on the do-not-call list by text');
    return messageText(prompt, channel);
  }

  /** An apology, for a turn that could not be taken (storage down or too slow). */
  unavailable(channel: MessagingChannel): string | null {
    return this.say(this.options.defaultLanguage, ['serviceUnavailable'], channel);
  }

  /** An invitation's status callback: one that never reached the customer ends its survey and says why. */
  async status(update: MessageStatus, responseId: string): Promise<void> {
    if (!UNDELIVERED.has(update.MessageStatus)) return;
    const channel = channelOfResponse(responseId);
    const to = update.To ? inboundAddress(update.To, update.From ?? '')?.customerPhone : undefined;
    if (update.ErrorCode === UNSUBSCRIBED_RECIPIENT && to) await this.options.doNotCall.addPhones([to]);
    await this.options.conversation.endCall(textRef(channel, responseId), { deliveryStatus: update.MessageStatus, ...(update.ErrorCode ? { deliveryError: update.ErrorCode } : {}) });
    this.options.logger.warn(
      { audit: 'text_invitation_status', channel, responseId, messageSid: update.MessageSid, status: update.MessageStatus, errorCode: update.ErrorCode, ...(to ? { to: maskPhone(to) } : {}) },
      'text invitation not delivered',
    );
  }

  /** A photo or a sticker, or an empty text with no survey open: the open question again (its attempt not spent), or how to answer; nothing stored. */
  private async withoutText(address: MessageAddress, open: ConversationRef | null): Promise<string | null> {
    const state = open ? await this.options.store.state(open.responseId) : null;
    const retry = state && state.status === 'in_progress' ? retryMessageAt(state.position) : null;
    if (state && retry) return this.say(state.language, [retry], address.channel);
    return this.say(state?.language ?? this.options.defaultLanguage, ['smsHelp'], address.channel);
  }

  /** START from a number on the list: off the list, and the next text starts a new survey. */
  private async optIn(address: MessageAddress, messageSid: string): Promise<void> {
    const removed = await this.options.removal.removePhone(address.customerPhone);
    await this.options.conversations.forget(address.channel, address.ourNumber, address.customerPhone);
    this.options.logger.info({ audit: 'dnc_removed', by: 'customer text', channel: address.channel, phone: maskPhone(address.customerPhone), messageSid, removed }, 'taken off the do-not-call list by text');
  }

  /** The pair's survey's language, else the keyword's own language, else what a sentence looks like, else the default. */
  private async replyLanguage(address: MessageAddress, body: string): Promise<string> {
    const open = await this.options.conversations.existing(address.channel, address.ourNumber, address.customerPhone);
    const state = open ? await this.options.store.state(open.responseId) : null;
    if (state) return state.language;
    // One word is too short to guess a language from ("start" reads as German).
    const sentence = body.split(/\s+/).length >= 3 ? body : undefined;
    return chooseLanguage(keywordLanguage(body), sentence, this.options.defaultLanguage).code;
  }
}
