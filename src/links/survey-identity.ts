import { z } from 'zod';

/** The fields of a personalised link that say who a survey is about; a signature covers exactly these. */
export const IDENTITY_FIELDS = ['customerId', 'customerName', 'agentId', 'agentName', 'campaignId'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type SurveyIdentity = Partial<Record<IdentityField, string>>;

const shortText = z.string().trim().min(1).max(100);
/** Report dimensions (agent, campaign) are keys of the day counters: no spaces, `|`, commas or `=`. */
const dimensionId = z.string().regex(/^[\w.@-]{1,64}$/);

/** Each identity field as a channel or a link may send it. */
export const identityFieldSchemas = {
  customerId: shortText,
  customerName: shortText,
  agentId: dimensionId,
  agentName: shortText,
  campaignId: dimensionId,
} as const satisfies Record<IdentityField, z.ZodType<string>>;

/** The identity fields present (non-empty) in a parsed object, in the fixed order. */
export function identityOf(fields: Partial<Record<string, unknown>>): SurveyIdentity {
  const identity: SurveyIdentity = {};
  for (const field of IDENTITY_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' && value !== '') identity[field] = value;
  }
  return identity;
}

export function claimsIdentity(identity: SurveyIdentity): boolean {
  return IDENTITY_FIELDS.some((field) => identity[field] !== undefined);
}
