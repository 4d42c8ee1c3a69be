import { Router, type Request } from 'express';
import { formBody } from '../../src/http/form-body.js';
import { z } from 'zod';
import type { Logger } from '../../src/logging/logger.js';
import { requireTwilioSignature, type SignatureCheck } from '../twilio-signature.js';
import { CALL_SID, describeIssues } from '../webhook-fields.js';
import type { Dialer } from './dialer.js';

/** Twilio's AsyncAmdStatusCallback fields (no CallStatus, unlike a status callback). */
export const machineVerdictSchema = z.object({
  CallSid: z.string().regex(CALL_SID, 'CallSid must be CA followed by 32 hex digits'),
  AnsweredBy: z.string().min(1).max(32),
  AccountSid: z.string().max(64).optional(),
  MachineDetectionDuration: z.string().max(16).optional(),
});

function queryStrings(request: Request): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.query)) if (typeof value === 'string') strings[name] = value;
  return strings;
}

/** `POST /voice/amd`: the asynchronous answering-machine verdict on a dialer call, signed like every Twilio webhook. */
export function machineDetectionRoutes(dialer: Dialer, signature: SignatureCheck, logger: Logger): Router {
  const router = Router();
  router.use(formBody({ limit: '64kb', parameterLimit: 50 }));
  router.use(requireTwilioSignature(signature, logger));
  router.post('/', async (request, response) => {
    const verdict = machineVerdictSchema.safeParse(request.body);
    if (!verdict.success) return void response.status(400).type('text/plain').send(describeIssues(verdict.error));
    try {
      await dialer.onMachineDetection(queryStrings(request), verdict.data.CallSid, verdict.data.AnsweredBy);
      response.status(204).end();
    } catch (error) {
      logger.error({ err: error, callSid: verdict.data.CallSid }, 'answering-machine verdict failed');
      response.status(503).type('text/plain').send('Temporarily unable to act on the verdict.');
    }
  });
  return router;
}
