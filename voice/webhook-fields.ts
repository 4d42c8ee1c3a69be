import { z } from 'zod';
import { MAX_TRIES } from '../src/survey/survey-rules.js';

export const CALL_SID = /^CA[0-9a-f]{32}$/;

const callFields = {
  CallSid: z.string().regex(CALL_SID, 'CallSid must be CA followed by 32 hex digits'),
  From: z.string().max(64).optional(),
  To: z.string().max(64).optional(),
  AccountSid: z.string().max(64).optional(),
  Direction: z.string().max(32).optional(),
  AnsweredBy: z.string().max(32).optional(),
};

/** Twilio's form fields on /voice/incoming. */
export const incomingCallSchema = z.object(callFields);

/** Twilio's form fields on a <Gather> action. */
export const gatherResultSchema = z.object({
  ...callFields,
  Digits: z.string().max(64).optional(),
  SpeechResult: z.string().max(20_000).optional(),
  Confidence: z.coerce.number().min(0).max(1).optional(),
});

export const statusCallbackSchema = z.object({
  ...callFields,
  CallStatus: z.string().max(32),
  CallDuration: z.string().max(16).optional(),
  RecordingUrl: z.string().max(2000).optional(),
});

/** Where the <Gather> was: it travels in the action URL, which Twilio signs. */
export const gatherPositionSchema = z.object({
  step: z.enum(['consent', 'score', 'reason']),
  attempt: z.coerce.number().int().min(1).max(MAX_TRIES),
  lang: z.string().regex(/^[a-z]{2}$/, 'lang must be an ISO 639-1 code'),
  campaign: z.string().regex(/^[0-9a-f]{12}$/, 'campaign must be a campaign id').optional(),
});

export type IncomingCall = z.infer<typeof incomingCallSchema>;
export type GatherResult = z.infer<typeof gatherResultSchema>;
export type StatusCallback = z.infer<typeof statusCallbackSchema>;
export type GatherPosition = z.infer<typeof gatherPositionSchema>;

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}
