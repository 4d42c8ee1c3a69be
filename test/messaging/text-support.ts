import { TEST_ADMIN_TOKEN, type TestApp } from '../support/test-app.js';

export const XML = '<?xml version="1.0" encoding="UTF-8"?>';
export const EMPTY = `${XML}<Response/>`;
export const OUR_NUMBER = '+15550001111';

export function says(text: string): string {
  return `${XML}<Response><Message>${text}</Message></Response>`;
}

let numberCounter = 0;

/** A customer number no other test uses. */
export function newCustomerNumber(): string {
  numberCounter += 1;
  return `+1555${String(Math.floor(Math.random() * 900) + 100)}${String(numberCounter).padStart(4, '0')}`;
}

/** The stored responses of one channel, as the review API lists them. */
export async function storedResponses(app: TestApp, channel: 'sms' | 'whatsapp'): Promise<Array<Record<string, any>>> {
  const list = await fetch(`${app.baseUrl}/api/review/responses?channel=${channel}&limit=100`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  const { items } = (await list.json()) as { items: Array<Record<string, any>> };
  return items;
}

export async function storedResponsesOf(app: TestApp, channel: 'sms' | 'whatsapp', phone: string): Promise<Array<Record<string, any>>> {
  return (await storedResponses(app, channel)).filter((item) => item.phone === phone);
}
