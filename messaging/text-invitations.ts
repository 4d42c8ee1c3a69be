import type { Twilio } from 'twilio';
import type { Logger } from '../src/logging/logger.js';
import { maskPhone } from '../src/logging/mask.js';
import type { DoNotCallList } from '../src/store/do-not-call-list.js';
import type { SurveySubject } from '../src/store/response-record.js';
import type { SurveyConversation } from '../src/survey/survey-conversation.js';
import type { TextInvitation, TextInvitationResult, TextInvitationSender } from '../src/survey/text-invitation.js';
import { channelAddress, isE164 } from './message-address.js';
import { countSegments, type SegmentCount } from './sms-segments.js';
import type { TextConversations } from './text-conversations.js';
import { messageText } from './text-survey.js';

export interface TwilioTextInvitationsOptions {
  client: Twilio | undefined;
  conversation: SurveyConversation;
  conversations: TextConversations;
  doNotCall: DoNotCallList;
  logger: Logger;
  publicUrl: string;
  businessName: string;
  smsFrom?: string;
  whatsappFrom?: string;
  /** The approved template (HX…) for WhatsApp messages outside the customer's 24-hour window. */
  whatsappTemplateSid?: string;
}

/** Twilio REST error codes: not a valid or textable number; the recipient unsubscribed at the carrier. */
const INVALID_NUMBER_CODES = new Set([21211, 21214, 21612, 21614, 63003]);
const UNSUBSCRIBED_RECIPIENT = 21610;

function subjectOf(invitation: TextInvitation): SurveySubject {
  const subject: SurveySubject = { phone: invitation.phone };
  for (const field of ['customerName', 'customerId', 'agentName', 'agentId', 'campaignId', 'contactId'] as const) {
    const value = invitation[field];
    if (value) subject[field] = value;
  }
  return subject;
}

function twilioErrorCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Text invitations through Twilio's Messages API (the official client). The invitation opens the
 * survey first, so the customer's reply answers it; its StatusCallback reports a message that never
 * arrived. WhatsApp outside the customer's 24-hour window can only carry an approved template.
 */
export class TwilioTextInvitations implements TextInvitationSender {
  constructor(private readonly options: TwilioTextInvitationsOptions) {}

  async invite(invitation: TextInvitation): Promise<TextInvitationResult> {
    const { options } = this;
    const { channel, phone } = invitation;
    if (!isE164(phone)) return { sent: false, reason: 'invalid-number', detail: 'the number must be in E.164 form, e.g. +15551230000' };
    const listed = (await options.doNotCall.hasPhone(phone)) || (invitation.customerId ? await options.doNotCall.hasCustomer(invitation.customerId) : false);
    if (listed) return { sent: false, reason: 'do-not-call' };
    const from = channel === 'whatsapp' ? (options.whatsappFrom ?? options.smsFrom) : options.smsFrom;
    if (!options.client || !from) return { sent: false, reason: 'failed', detail: 'text messages need TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER' };
    const template = channel === 'whatsapp' && !(await options.conversations.whatsAppWindowOpen(phone));
    if (template && !options.whatsappTemplateSid) return { sent: false, reason: 'failed', detail: "outside the customer's 24-hour WhatsApp window only a template may be sent; set WHATSAPP_TEMPLATE_SID" };

    const ref = await options.conversations.startNew(channel, from, phone);
    const prompt = await options.conversation.openCall(ref, { subject: subjectOf(invitation), language: invitation.language }, 'textInvitation');
    const body = messageText(prompt, channel) ?? '';
    const content = template ? { contentSid: options.whatsappTemplateSid, contentVariables: JSON.stringify({ 1: options.businessName }) } : { body };
    const audit = { audit: 'text_invitation', channel, to: maskPhone(phone), responseId: ref.responseId, template, ...(invitation.campaignId ? { campaignId: invitation.campaignId } : {}), ...(invitation.contactId ? { contactId: invitation.contactId } : {}) };
    try {
      const message = await options.client.messages.create({
        to: channelAddress(channel, phone),
        from: channelAddress(channel, from),
        statusCallback: `${options.publicUrl}/sms/status?response=${ref.responseId}`,
        ...content,
      });
      // WhatsApp bills per message, not per segment; an SMS bills each segment.
      const count: SegmentCount = channel === 'sms' ? countSegments(body) : { encoding: 'UCS-2', units: body.length, segments: 1 };
      options.logger.info({ ...audit, messageSid: message.sid, encoding: count.encoding, segments: count.segments }, 'text invitation sent');
      return { sent: true, messageSid: message.sid, segments: count.segments };
    } catch (error) {
      const code = twilioErrorCode(error);
      await options.conversation.endCall(ref, { deliveryStatus: 'failed', ...(code ? { deliveryError: String(code) } : {}) });
      options.logger.warn({ ...audit, errorCode: code, err: error instanceof Error ? error.message : String(error) }, 'text invitation refused by Twilio');
      if (code === UNSUBSCRIBED_RECIPIENT) {
        await options.doNotCall.addPhones([phone]);
        return { sent: false, reason: 'do-not-call', detail: 'the recipient unsubscribed from our number at the carrier' };
      }
      const detail = error instanceof Error ? error.message : String(error);
      return { sent: false, reason: code !== undefined && INVALID_NUMBER_CODES.has(code) ? 'invalid-number' : 'failed', detail };
    }
  }
}
