import { SESSION_COOKIE } from '../../auth/session-cookie.js';
import type { Operation } from './openapi-types.js';

/** The ways in: each route lists the ones it accepts. */
export const securitySchemes = {
  adminBearer: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN as a bearer token.' },
  supervisorSession: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'A supervisor session from /review/sign-in; writes also send its X-CSRF-Token header.',
  },
  twilioSignature: { type: 'apiKey', in: 'header', name: 'X-Twilio-Signature', description: "Twilio's HMAC-SHA1 of PUBLIC_URL + path and query + the form fields, keyed by TWILIO_AUTH_TOKEN." },
  botFrameworkJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "The Bot Framework channel's JWT (checked by the adapter against MicrosoftAppId)." },
  directLineToken: { type: 'http', scheme: 'bearer', description: 'A Direct Line token from POST /v3/directline/tokens/generate.' },
} as const;

export type SecurityName = keyof typeof securitySchemes;

export function anyOf(...names: SecurityName[]): NonNullable<Operation['security']> {
  return names.map((name) => ({ [name]: [] }));
}

export const OPEN: NonNullable<Operation['security']> = [];
export const ADMIN_API = anyOf('adminBearer', 'supervisorSession');
export const TWILIO_SIGNED = anyOf('twilioSignature');
