import { z } from 'zod';
import { canonicalTimeZone, toE164 } from '../voice/campaigns/contact-fields.js';
import { optionalSurveyLanguage, optionalText } from '../voice/campaigns/campaign-schemas.js';

export const CONTACT_CHANNELS = ['voice', 'sms', 'whatsapp', 'chat', 'any'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** The channels a survey can be sent on by us (chat cannot be started from our side). */
export const SURVEY_CHANNELS = ['sms', 'whatsapp', 'voice'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

/** Ids end up inside Redis hash tags and BullMQ job ids: no braces, spaces or `|`. */
const idText = (max: number) => z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).regex(/^[A-Za-z0-9._:@#/+=-]+$/, 'may hold only letters, digits and . _ : @ # / + = -');


const phone = z
  .string()
  .max(64, 'is too long')
  .transform((value, context) => {
    const checked = toE164(value);
    if (!checked.ok) {
      context.addIssue({ code: 'custom', message: checked.error });
      return z.NEVER;
    }
    return checked.value;
  });

const timezone = z
  .string()
  .max(64, 'is too long')
  .transform((value, context) => {
    const checked = canonicalTimeZone(value);
    if (!checked.ok) {
      context.addIssue({ code: 'custom', message: checked.error });
      return z.NEVER;
    }
    return checked.value;
  });

export const policyOverrideSchema = z
  .object({
    delayMinutes: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(10_080, 'must be at most a week (10080)').optional(),
    samplePercent: z.number().min(0, 'must be 0-100').max(100, 'must be 0-100').optional(),
    minDaysBetween: z.number().min(0, 'must be 0 or more').max(365, 'must be at most 365').optional(),
    channels: z.array(z.enum(SURVEY_CHANNELS, { message: `must be one of ${SURVEY_CHANNELS.join(', ')}` })).min(1, 'give at least one channel').max(3).optional(),
  })
  .strict();

export type PolicyOverride = z.infer<typeof policyOverrideSchema>;

/** `POST /api/contacts`: a contact that just ended, as the contact-centre platform reports it. */
export const contactEndedSchema = z
  .object({
    contactId: idText(128),
    customerId: idText(100).optional(),
    phone: phone.optional(),
    agentId: z.string().trim().max(64).regex(/^[^|\s]+$/, 'must not contain spaces or |').optional(),
    agentName: optionalText(100),
    customerName: optionalText(200),
    language: optionalSurveyLanguage(),
    timezone: timezone.optional(),
    channel: z.enum(CONTACT_CHANNELS, { message: `must be one of ${CONTACT_CHANNELS.join(', ')}` }),
    endedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, e.g. 2026-03-10T16:00:00Z' }),
    policy: policyOverrideSchema.optional(),
  });

export type ContactEnded = z.infer<typeof contactEndedSchema>;

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}
