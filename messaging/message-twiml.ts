import twilio from 'twilio';

const { MessagingResponse } = twilio.twiml;

/** `<Response><Message>…</Message></Response>`, or an empty `<Response/>` when nothing should be sent. */
export function messageTwiml(text: string | null): string {
  const response = new MessagingResponse();
  if (text) response.message(text);
  return response.toString();
}
