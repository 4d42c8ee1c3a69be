export type MessagingChannel = 'sms' | 'whatsapp';

export interface TextInvitation {
  channel: MessagingChannel;
  phone: string;
  language: string;
  customerName?: string;
  customerId?: string;
  agentName?: string;
  agentId?: string;
  campaignId?: string;
  contactId?: string;
  timezone?: string;
}

export type TextInvitationResult =
  | { sent: true; messageSid: string; segments: number }
  | { sent: false; reason: 'do-not-call' | 'invalid-number' | 'failed'; detail?: string };

/** Sends the first message of a text survey; implemented by the messaging channel. */
export interface TextInvitationSender {
  invite(invitation: TextInvitation): Promise<TextInvitationResult>;
}
