import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { messagingRoutes } from '../../messaging/messaging-routes.js';
import type { TextSurvey } from '../../messaging/text-survey.js';
import { createLogger } from '../../src/logging/logger.js';
import { TEST_TWILIO_AUTH_TOKEN } from '../support/test-app.js';
import { postTwilioWebhook, textFields } from '../support/twilio-webhook.js';
import { says } from './text-support.js';

const APOLOGY = "Sorry, we can't take your answers right now. Please try again later. Goodbye.";

/** The /sms routes over a survey that fails or never answers, on a free port. */
async function serve(incoming: () => Promise<string | null>): Promise<{ url: string; logLines: string[]; server: Server }> {
  const logLines: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) }));
  const survey = { incoming, unavailable: () => APOLOGY } as unknown as TextSurvey;
  const app = express();
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app.use('/sms', messagingRoutes({ survey, signature: { authToken: TEST_TWILIO_AUTH_TOKEN, publicUrl: url }, logger, turnDeadlineMs: 200 }));
  return { url, logLines, server };
}

describe('a text turn that cannot be taken', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('when storage fails, then the customer gets the apology and the error is logged', async () => {
    const served = await serve(() => Promise.reject(new Error('Redis is down')));
    server = served.server;
    const reply = await postTwilioWebhook(`${served.url}/sms/incoming`, textFields('+15551230001', '9'));
    expect(reply).toEqual({ status: 200, body: says(APOLOGY) });
    expect(served.logLines.join('\n')).toContain('text turn failed');
  });

  it('when storage is too slow, then the customer gets the apology within the deadline', async () => {
    const served = await serve(() => new Promise<never>(() => undefined));
    server = served.server;
    const reply = await postTwilioWebhook(`${served.url}/sms/incoming`, textFields('+15551230001', '9'));
    expect(reply).toEqual({ status: 200, body: says(APOLOGY) });
  });
});
