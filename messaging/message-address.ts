import type { MessagingChannel } from '../src/survey/text-invitation.js';

const WHATSAPP_PREFIX = 'whatsapp:';
const E164 = /^\+[1-9]\d{6,14}$/;

export interface MessageAddress {
  channel: MessagingChannel;
  /** E.164, without the `whatsapp:` prefix. */
  customerPhone: string;
  /** Our number (or short code) the customer wrote to, without the prefix. */
  ourNumber: string;
}

function bare(address: string): string {
  return address.startsWith(WHATSAPP_PREFIX) ? address.slice(WHATSAPP_PREFIX.length) : address;
}

/** `whatsapp:+…` on either side means WhatsApp; plain numbers mean SMS. Null when the customer's number is not E.164. */
export function inboundAddress(from: string, to: string): MessageAddress | null {
  const channel: MessagingChannel = from.startsWith(WHATSAPP_PREFIX) || to.startsWith(WHATSAPP_PREFIX) ? 'whatsapp' : 'sms';
  const customerPhone = bare(from);
  const ourNumber = bare(to);
  if (!E164.test(customerPhone) || ourNumber === '') return null;
  return { channel, customerPhone, ourNumber };
}

/** The address Twilio's Messages API wants for a channel. */
export function channelAddress(channel: MessagingChannel, phone: string): string {
  return channel === 'whatsapp' ? `${WHATSAPP_PREFIX}${phone}` : phone;
}

export function isE164(phone: string): boolean {
  return E164.test(phone);
}
