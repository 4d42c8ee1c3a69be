import { Router, type Response } from 'express';
import { formBody } from '../src/http/form-body.js';
import { withDeadline } from '../src/http/with-deadline.js';
import type { Logger } from '../src/logging/logger.js';
import { requireTwilioSignature, type SignatureCheck } from '../voice/twilio-signature.js';
import { inboundAddress } from './message-address.js';
import { incomingMessageSchema, messageStatusSchema, statusQuerySchema } from './message-fields.js';
import { messageTwiml } from './message-twiml.js';
import type { TextSurvey } from './text-survey.js';

export interface MessagingRoutesOptions {
  survey: TextSurvey;
  signature: SignatureCheck;
  logger: Logger;
  /** Twilio waits up to 15 s for the reply (default 10 s here); answer before with an apology when storage is slow or down. */
  turnDeadlineMs?: number;
}

function sendTwiml(response: Response, twiml: string): void {
  response.status(200).type('text/xml').send(twiml);
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** Twilio Messaging webhooks, mounted at /sms: every request is checked against PUBLIC_URL + path, as for voice. */
export function messagingRoutes(options: MessagingRoutesOptions): Router {
  const router = Router();
  const deadline = options.turnDeadlineMs ?? 10_000;
  const signed = [formBody({ limit: '64kb', parameterLimit: 100 }), requireTwilioSignature(options.signature, options.logger)];

  router.post('/incoming', ...signed, async (request, response) => {
    const message = incomingMessageSchema.safeParse(request.body);
    if (!message.success) return void response.status(400).type('text/plain').send(describeIssues(message.error.issues));
    try {
      sendTwiml(response, messageTwiml(await withDeadline(options.survey.incoming(message.data), deadline)));
    } catch (error) {
      options.logger.error({ err: error, messageSid: message.data.MessageSid }, 'text turn failed; the customer gets an apology');
      const channel = inboundAddress(message.data.From, message.data.To)?.channel ?? 'sms';
      sendTwiml(response, messageTwiml(options.survey.unavailable(channel)));
    }
  });

  router.post('/status', ...signed, async (request, response) => {
    const query = statusQuerySchema.safeParse(request.query);
    if (!query.success) return void response.status(400).type('text/plain').send(describeIssues(query.error.issues));
    const update = messageStatusSchema.safeParse(request.body);
    if (!update.success) return void response.status(400).type('text/plain').send(describeIssues(update.error.issues));
    try {
      await withDeadline(options.survey.status(update.data, query.data.response), deadline);
      response.status(204).end();
    } catch (error) {
      options.logger.error({ err: error, messageSid: update.data.MessageSid }, 'message status callback failed; Twilio will retry');
      response.status(503).type('text/plain').send('Temporarily unable to record the message status.');
    }
  });

  router.use(...signed);
  return router;
}
