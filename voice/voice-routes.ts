import { Router, type Request, type Response } from 'express';
import { formBody } from '../src/http/form-body.js';
import type { Logger } from '../src/logging/logger.js';
import { withDeadline } from '../src/http/with-deadline.js';
import { requireTwilioSignature, type SignatureCheck } from './twilio-signature.js';
import type { VoiceSurvey } from './voice-survey.js';
import { describeIssues, gatherPositionSchema, gatherResultSchema, incomingCallSchema, statusCallbackSchema } from './webhook-fields.js';

export interface VoiceRoutesOptions {
  survey: VoiceSurvey;
  signature: SignatureCheck;
  logger: Logger;
  /** Twilio waits up to 15 s for TwiML; answer well before with an apology when storage is slow or down. */
  turnDeadlineMs?: number;
}

function queryStrings(request: Request): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.query)) if (typeof value === 'string') strings[name] = value;
  return strings;
}

function sendTwiml(response: Response, twiml: string): void {
  response.status(200).type('text/xml').send(twiml);
}

function badRequest(response: Response, message: string): void {
  response.status(400).type('text/plain').send(message);
}

export function voiceRoutes(options: VoiceRoutesOptions): Router {
  const router = Router();
  const deadline = options.turnDeadlineMs ?? 1500;
  // Parser and signature check per route rather than router-wide: every layer a webhook passes
  // through costs on each turn. The catch-all at the end keeps unsigned requests to any other
  // /voice/* path at 403.
  const signed = [formBody({ limit: '1mb', parameterLimit: 100 }), requireTwilioSignature(options.signature, options.logger)];

  const apologise = (response: Response, lang: string | undefined, error: unknown): void => {
    options.logger.error({ err: error }, 'voice turn failed; the caller hears an apology');
    sendTwiml(response, options.survey.unavailable(lang));
  };

  router.post('/incoming', ...signed, async (request, response) => {
    const call = incomingCallSchema.safeParse(request.body);
    if (!call.success) return badRequest(response, describeIssues(call.error));
    try {
      sendTwiml(response, await withDeadline(options.survey.incoming(call.data, queryStrings(request)), deadline));
    } catch (error) {
      apologise(response, undefined, error);
    }
  });

  router.post('/language', ...signed, async (request, response) => {
    const result = gatherResultSchema.safeParse(request.body);
    if (!result.success) return badRequest(response, describeIssues(result.error));
    try {
      sendTwiml(response, await withDeadline(options.survey.languageChosen(result.data), deadline));
    } catch (error) {
      apologise(response, undefined, error);
    }
  });

  router.post('/answer', ...signed, async (request, response) => {
    const position = gatherPositionSchema.safeParse(request.query);
    if (!position.success) return badRequest(response, describeIssues(position.error));
    const result = gatherResultSchema.safeParse(request.body);
    if (!result.success) return badRequest(response, describeIssues(result.error));
    try {
      sendTwiml(response, await withDeadline(options.survey.answer(result.data, position.data), deadline));
    } catch (error) {
      apologise(response, position.data.lang, error);
    }
  });

  router.post('/status', ...signed, async (request, response) => {
    const update = statusCallbackSchema.safeParse(request.body);
    if (!update.success) return badRequest(response, describeIssues(update.error));
    try {
      await withDeadline(options.survey.status(update.data, queryStrings(request)), deadline * 2);
      response.status(204).end();
    } catch (error) {
      options.logger.error({ err: error, callSid: update.data.CallSid }, 'status callback failed; Twilio will retry');
      response.status(503).type('text/plain').send('Temporarily unable to record the call status.');
    }
  });

  router.use(...signed);
  return router;
}
