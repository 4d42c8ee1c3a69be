import { z } from 'zod';
import { TAG_IDS } from '../tagging/taxonomy.js';

const isoDateOrTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date or time, e.g. 2026-11-01 or 2026-11-01T09:00:00Z')
  .transform((value, context) => {
    // A date alone or a time without an offset is read as UTC.
    const normalised = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
    const date = new Date(normalised.replace(' ', 'T'));
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: 'custom', message: 'is not a valid date' });
      return z.NEVER;
    }
    return date;
  });

export const channelSchema = z.enum(['voice', 'chat', 'sms', 'whatsapp']);

export const responsesQuerySchema = z.object({
  channel: channelSchema.optional(),
  // A larger limit is served as the largest page rather than refused.
  limit: z.coerce.number().int().min(1).default(50).transform((limit) => Math.min(limit, 1000)),
  offset: z.coerce.number().int().min(0).default(0),
});

/** An empty query parameter (a filter form's blank field) means "not set". */
const blankAsUnset = (value: unknown): unknown => (value === '' ? undefined : value);
const dimensionId = z.preprocess(blankAsUnset, z.string().trim().max(64).regex(/^[^|,=\s]+$/, 'must not contain spaces, |, comma or =').optional());

/** The dashboard's filters, shared by the summary, trend, agents, drivers and export. */
export const filterFields = {
  from: z.preprocess(blankAsUnset, isoDateOrTime.optional()),
  to: z.preprocess(blankAsUnset, isoDateOrTime.optional()),
  channel: z.preprocess(blankAsUnset, channelSchema.optional()),
  agentId: dimensionId,
  campaignId: dimensionId,
  tag: z.preprocess(blankAsUnset, z.enum(TAG_IDS, { message: `must be one of ${TAG_IDS.join(', ')}` }).optional()),
};

const fromBeforeTo = (query: { from?: Date | undefined; to?: Date | undefined }): boolean => !query.from || !query.to || query.from < query.to;
const fromBeforeToIssue = { message: 'from must be before to', path: ['from'] };

export const summaryQuerySchema = z.object(filterFields).refine(fromBeforeTo, fromBeforeToIssue);

export const trendQuerySchema = z
  .object({ ...filterFields, interval: z.preprocess(blankAsUnset, z.enum(['day', 'week'], { message: 'must be day or week' }).default('day')) })
  .refine(fromBeforeTo, fromBeforeToIssue);

export function describeQueryIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; ');
}
