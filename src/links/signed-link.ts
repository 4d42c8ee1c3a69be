import { canonicalLinkText, linkSignature } from './link-signature.js';
import { IDENTITY_FIELDS, claimsIdentity, identityFieldSchemas, type IdentityField, type SurveyIdentity } from './survey-identity.js';

/** A link lives at most this long: a link in an old email should not keep speaking for a customer. */
export const MAX_LINK_TTL_SECONDS = 366 * 86_400;
const LANGUAGE = /^[a-z]{2}(-[A-Za-z]{2})?$/;
const FIELD_RULES: Record<IdentityField, string> = {
  customerId: '1 to 100 characters',
  customerName: '1 to 100 characters',
  agentId: '1 to 64 letters, digits and _ . @ -',
  agentName: '1 to 100 characters',
  campaignId: '1 to 64 letters, digits and _ . @ -',
};

export class LinkFieldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkFieldError';
  }
}

export interface SignOptions {
  /** WEBCHAT_SIGNING_SECRET. */
  secret: string;
  /** How long the link is good for, in seconds (1 to 366 days). */
  ttlSeconds: number;
  now?: Date;
}

/**
 * The identity fields with `exp` and `sig`, ready for a link's fragment or the widget's data-*
 * attributes (`data-customer-id`, …, `data-exp`, `data-sig`). Throws LinkFieldError for a value the
 * page would not send back unchanged (empty, too long, a malformed agent or campaign id).
 */
export function signSurveyFields(identity: SurveyIdentity, options: SignOptions): Record<string, string> {
  if (!options.secret) throw new LinkFieldError('no signing secret (set WEBCHAT_SIGNING_SECRET)');
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds < 1 || options.ttlSeconds > MAX_LINK_TTL_SECONDS) {
    throw new LinkFieldError(`the lifetime must be from 1 second to ${MAX_LINK_TTL_SECONDS / 86_400} days`);
  }
  const clean: SurveyIdentity = {};
  for (const field of IDENTITY_FIELDS) {
    const value = identity[field];
    if (value === undefined) continue;
    const parsed = identityFieldSchemas[field].safeParse(value);
    if (!parsed.success) throw new LinkFieldError(`${field}: ${FIELD_RULES[field]}`);
    clean[field] = parsed.data;
  }
  if (!claimsIdentity(clean)) throw new LinkFieldError(`nothing to sign: give at least one of ${IDENTITY_FIELDS.join(', ')}`);
  const exp = String(Math.floor((options.now ?? new Date()).getTime() / 1000) + options.ttlSeconds);
  const canonical = canonicalLinkText(clean, exp);
  if (canonical === null) throw new LinkFieldError('values must not contain line breaks or other control characters');
  return { ...(clean as Record<string, string>), exp, sig: linkSignature(options.secret, canonical) };
}

/** A survey language for a link or the widget (unsigned: the customer may change it). */
export function checkedLanguage(language: string): string {
  if (!LANGUAGE.test(language)) throw new LinkFieldError('language: a code such as en, es or de');
  return language;
}

/**
 * A personalised chat link: `<publicUrl>/#customerId=…&…&exp=…&sig=…`. The fields travel in the
 * fragment, which browsers never send to a server, so they stay out of every access log.
 * `language` is a preference, not an identity: it is added unsigned.
 */
export function signedSurveyLink(publicUrl: string, identity: SurveyIdentity, options: SignOptions & { language?: string }): string {
  const params = new URLSearchParams(signSurveyFields(identity, options));
  if (options.language !== undefined) params.set('language', checkedLanguage(options.language));
  return `${publicUrl.replace(/\/+$/, '')}/#${params.toString()}`;
}
