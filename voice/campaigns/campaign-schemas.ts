import { z } from 'zod';
import { SURVEY_LANGUAGE_CODES, isSurveyLanguage } from '../../src/survey/messages/languages.js';
import { checkMessageOverrides, type MessageOverrides } from '../../src/survey/messages/message-overrides.js';
import { CAMPAIGN_CHANNELS } from './campaign-types.js';
import { callableSpans, formatClockTime, LEGAL_HOURS, parseClockTime, type DailyWindow } from '../dialer/calling-window.js';

/** Most calls per second a campaign may ask for; Twilio's own default for an account is 1. */
export const MAX_CALLS_PER_SECOND = 100;
/** Most contacts one JSON request may carry (a CSV upload is streamed and may carry more). */
export const MAX_JSON_CONTACTS = 100_000;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM, e.g. 09:00');

const legalHours = `${formatClockTime(LEGAL_HOURS.start)}–${formatClockTime(LEGAL_HOURS.end)}`;

export const windowSchema = z
  .object({ start: clockTime, end: clockTime })
  .transform((value, context): DailyWindow => {
    const window = { start: parseClockTime(value.start) ?? 0, end: parseClockTime(value.end) ?? 0 };
    if (window.start === window.end) {
      context.addIssue({ code: 'custom', message: 'start and end must differ' });
      return z.NEVER;
    }
    // A window may cross midnight or reach past the legal hours; calls only ever start where it overlaps them.
    if (callableSpans(window).length === 0) {
      context.addIssue({ code: 'custom', message: `never overlaps the legal calling hours ${legalHours} in each contact's local time, so nobody could be called` });
      return z.NEVER;
    }
    return window;
  });

export const campaignRequestSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  callsPerSecond: z.number().positive('must be more than 0').min(0.01, 'must be at least 0.01').max(MAX_CALLS_PER_SECOND, `must be at most ${MAX_CALLS_PER_SECOND}`),
  window: windowSchema,
  maxAttempts: z.number().int('must be a whole number').min(1).max(10).default(3),
  retryAfterMinutes: z.number().positive('must be more than 0').max(7 * 24 * 60, 'must be at most a week (10080)').default(60),
  channel: z.enum(CAMPAIGN_CHANNELS, { message: `must be one of ${CAMPAIGN_CHANNELS.join(', ')}` }).default('voice'),
  fallback: z.literal('sms', { message: 'must be sms' }).optional(),
  contacts: z.array(z.unknown()).max(MAX_JSON_CONTACTS, `at most ${MAX_JSON_CONTACTS} contacts per request; upload more as text/csv`).default([]),
  /** This campaign's wording, like SURVEY_MESSAGES_FILE: { "<lang>": { "<messageKey>": "text" } }. */
  messages: z
    .unknown()
    .optional()
    .transform((raw, context): MessageOverrides | undefined => {
      if (raw === undefined) return undefined;
      const checked = checkMessageOverrides(raw);
      for (const problem of checked.problems) context.addIssue({ code: 'custom', message: problem });
      return checked.problems.length > 0 ? z.NEVER : checked.overrides;
    }),
}).refine((campaign) => campaign.fallback === undefined || campaign.channel === 'voice', { message: 'only a voice campaign falls back to sms', path: ['fallback'] });

export type CampaignRequest = z.infer<typeof campaignRequestSchema>;

export const contactsRequestSchema = z.object({
  contacts: z.array(z.unknown()).min(1, 'give at least one contact').max(MAX_JSON_CONTACTS, `at most ${MAX_JSON_CONTACTS} contacts per request; upload more as text/csv`),
});

/** Text that may be absent, null or blank (all read as absent). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : undefined));

/** A survey language code, any case, read lower-case; absent when blank. */
export const optionalSurveyLanguage = () =>
  optionalText(8).pipe(
    z
      .string()
      .transform((code) => code.toLowerCase())
      .refine((code) => isSurveyLanguage(code), `must be one of ${SURVEY_LANGUAGE_CODES.join(', ')}`)
      .optional(),
  );

/** Report counters are keyed by agent id with `|` separators, so an id carries neither `|` nor spaces. */
const optionalId = (max: number) => optionalText(max).pipe(z.string().regex(/^[^|\s]+$/, 'must not contain spaces or |').optional());

/** One contact row before its phone and time zone are normalised (JSON item or CSV record). */
export const contactRowSchema = z.object({
  phone: z.string({ error: 'is required' }).max(64, 'is too long'),
  timezone: z.string({ error: 'is required' }).max(64, 'is too long'),
  name: optionalText(200),
  customerId: optionalId(100),
  agentId: optionalId(64),
  agentName: optionalText(100),
  language: optionalSurveyLanguage(),
});

export const dncRequestSchema = z.object({
  phones: z.array(z.string().max(64)).min(1, 'give at least one phone number').max(10_000, 'at most 10000 numbers per request'),
});

export const auditQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).default(1000).transform((limit) => Math.min(limit, 10_000)),
});

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** `GET`/`DELETE /api/dnc`: exactly one of the two, once. */
export const dncQuerySchema = z.object({
  phone: z.string().max(64).optional().describe('E.164, e.g. +15551230000'),
  customerId: z.string().min(1).max(256).optional(),
});
