import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { postTwilioWebhook, textFields } from '../support/twilio-webhook.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.close());

it('smoke', async () => {
  const from = '+15551239999';
  for (const body of ['hi', '9', 'the wait was long', 'again', 'STOP', 'hello', 'START', 'HELP']) {
    const reply = await postTwilioWebhook(`${app.baseUrl}/sms/incoming`, textFields(from, body));
    console.log(body, reply.status, reply.body);
  }
  expect(1).toBe(1);
});
