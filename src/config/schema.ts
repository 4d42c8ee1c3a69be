import { isIP } from 'node:net';
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { DEFAULT_PARTITIONS } from '../redis/keys.js';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const httpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));

const optionalHttpUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(httpUrl.optional());

/** `https://shop.example.com` → itself; anything with a path, query, credentials or another scheme → undefined. */
function webOrigin(entry: string): string | undefined {
  try {
    const url = new URL(entry);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return (url.protocol === 'http:' || url.protocol === 'https:') && bare ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** A whole number from `min` to `max`, or `fallback` when the variable is unset or empty. */
function wholeNumber(min: number, max: number, fallback: number) {
  const range = `must be ${min}-${max}`;
  return optionalText
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().min(min, range).max(max, range)).optional())
    .transform((value) => value ?? fallback);
}

/** proxy-addr's names for private ranges, as express's `trust proxy` accepts them. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddressOrRange(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry) || isIP(entry) !== 0) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  return version !== 0 && rest.length === 0 && bits !== undefined && /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY → express's `trust proxy`: false when unset (X-Forwarded-For is never read), a hop
 * count, or the addresses and CIDR ranges of the proxies in front.
 */
const trustProxy = optionalText.transform((value, context): false | number | string[] => {
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 10) return hops;
  } else {
    const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
    if (entries.length > 0 && entries.every(isProxyAddressOrRange)) return entries;
  }
  context.addIssue({ code: 'custom', message: 'must be a hop count (1-10) or a comma-separated list of proxy addresses or CIDR ranges, e.g. 10.0.0.0/8,loopback' });
  return z.NEVER;
});

const countryList = optionalText.transform((value, context): string[] | undefined => {
  if (value === undefined) return undefined;
  const countries = value.split(',').map((entry) => entry.trim().toUpperCase()).filter(Boolean);
  if (countries.length > 0 && countries.every((country) => /^[A-Z]{2}$/.test(country) && isSupportedCountry(country))) return [...new Set(countries)];
  context.addIssue({ code: 'custom', message: 'must be a comma-separated list of ISO 3166 two-letter country codes, e.g. US,CA,GB' });
  return z.NEVER;
});

/** A Twilio <Say> voice name: Polly.*, Google.* or one of Twilio's basic voices. */
const twilioVoice = optionalText.pipe(
  z
    .string()
    .regex(/^(man|woman|alice|(Polly|Google)\.[A-Za-z0-9À-ž-]{2,60})$/, 'must be a Twilio voice such as Polly.Joanna or Google.hu-HU-Standard-A')
    .optional(),
);

/** Comma-separated ISO 639-1 codes, e.g. en,hu,lt (at most 9: one keypad digit each). */
const languageList = optionalText.transform((value, context): string[] | undefined => {
  if (value === undefined) return undefined;
  const codes = [...new Set(value.split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean))];
  if (codes.length > 0 && codes.length <= 9 && codes.every((code) => /^[a-z]{2}$/.test(code))) return codes;
  context.addIssue({ code: 'custom', message: 'must be 1-9 comma-separated ISO 639-1 codes, e.g. en,hu,lt' });
  return z.NEVER;
});

/** SURVEY_CHANNELS: where a survey after a contact goes when its channel is `any` (or `chat`), in order of preference. */
const surveyChannelList = optionalText.transform((value, context): Array<'sms' | 'whatsapp' | 'voice'> => {
  if (value === undefined) return ['sms', 'voice'];
  const channels = value.split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  if (channels.length > 0 && channels.every((channel) => channel === 'sms' || channel === 'whatsapp' || channel === 'voice')) return [...new Set(channels)] as Array<'sms' | 'whatsapp' | 'voice'>;
  context.addIssue({ code: 'custom', message: 'must be a comma-separated list of sms, whatsapp and voice, e.g. sms,voice' });
  return z.NEVER;
});

/** A zone Intl knows (Node 20's supportedValuesOf('timeZone') leaves out UTC, so ask a formatter). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const e164 = z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 form, e.g. +15551230000');

/** Bot Framework's public channel hosts: the only places replies go unless ALLOWED_SERVICE_URLS says otherwise. */
export const DEFAULT_ALLOWED_SERVICE_URLS = [
  'https://smba.trafficmanager.net/',
  'https://smba.infra.gcc.teams.microsoft.com/',
  'https://directline.botframework.com/',
  'https://europe.directline.botframework.com/',
  'https://asia.directline.botframework.com/',
  'https://webchat.botframework.com/',
  'https://slack.botframework.com/',
  'https://facebook.botframework.com/',
  'https://telegram.botframework.com/',
  'https://email.botframework.com/',
  'https://sms.botframework.com/',
  'https://kik.botframework.com/',
];

/** Every environment variable the service reads. `.env.example` lists the same names. */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int('must be an integer').min(1, 'must be 1-65535').max(65535, 'must be 1-65535').default(3978),
  PUBLIC_URL: optionalHttpUrl,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** HTTP worker processes sharing PORT (node:cluster); 1 serves from the main process. */
  WEB_CONCURRENCY: optionalText
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().min(1, 'must be 1-32').max(32, 'must be 1-32')).optional())
    .transform((value) => value ?? 1),
  /** Serves GET /metrics without authentication on this port too (keep it off the public network); unset, only the main port's bearer-guarded /metrics. */
  METRICS_PORT: optionalText.pipe(z.string().regex(/^\d+$/, 'must be a port number').transform(Number).pipe(z.number().min(1, 'must be 1-65535').max(65535, 'must be 1-65535')).optional()),
  /** Who may set X-Forwarded-For: the client address that rate limits and sign-in lockout key on. */
  TRUST_PROXY: trustProxy,
  /** Longest a request may take to arrive in full (a large CSV upload over a slow link needs the most). */
  HTTP_REQUEST_TIMEOUT_SECONDS: wholeNumber(10, 3600, 120),

  // Rate limits of the public routes, on Redis (shared by every instance): per client address each
  // minute, and a ceiling for all addresses together each second.
  RATE_LIMIT_TOKENS_PER_MINUTE: wholeNumber(1, 100_000, 30),
  RATE_LIMIT_TOKENS_GLOBAL_PER_SECOND: wholeNumber(1, 100_000, 100),
  RATE_LIMIT_CHAT_PER_MINUTE: wholeNumber(1, 100_000, 120),
  RATE_LIMIT_CHAT_GLOBAL_PER_SECOND: wholeNumber(1, 100_000, 500),
  RATE_LIMIT_PAGES_PER_MINUTE: wholeNumber(1, 100_000, 120),
  RATE_LIMIT_PAGES_GLOBAL_PER_SECOND: wholeNumber(1, 100_000, 500),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: wholeNumber(1, 100_000, 30),
  RATE_LIMIT_SIGN_IN_GLOBAL_PER_SECOND: wholeNumber(1, 100_000, 20),

  TWILIO_ACCOUNT_SID: optionalText.pipe(z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must look like AC followed by 32 hex digits').optional()),
  TWILIO_AUTH_TOKEN: optionalText,
  TWILIO_FROM_NUMBER: optionalText.pipe(e164.optional()),
  TWILIO_API_URL: optionalHttpUrl,

  // Text-message surveys (messaging/): SMS and WhatsApp through Twilio Messaging.
  /** Our numbers that take text messages; an inbound text to any other `To` is ignored. Unset: any. */
  MESSAGING_NUMBERS: optionalText.transform((value, context): string[] | undefined => {
    if (value === undefined) return undefined;
    const numbers = value.split(',').map((entry) => entry.trim()).filter(Boolean);
    if (numbers.length > 0 && numbers.every((number) => /^\+[1-9]\d{6,14}$/.test(number))) return [...new Set(numbers)];
    context.addIssue({ code: 'custom', message: 'must be a comma-separated list of E.164 numbers, e.g. +15551230000,+15551230001' });
    return z.NEVER;
  }),
  /** The WhatsApp sender (E.164, without `whatsapp:`); default TWILIO_FROM_NUMBER. */
  WHATSAPP_FROM_NUMBER: optionalText.pipe(e164.optional()),
  /** The approved WhatsApp template (Content API, HX…) sent outside the customer's 24-hour window. */
  WHATSAPP_TEMPLATE_SID: optionalText.pipe(z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'must look like HX followed by 32 hex digits').optional()),

  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: optionalText.pipe(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  ALLOWED_SERVICE_URLS: optionalText.transform((value) =>
    value === undefined
      ? DEFAULT_ALLOWED_SERVICE_URLS
      : value
          .split(',')
          .map((prefix) => prefix.trim())
          .filter(Boolean),
  ),

  ADMIN_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),

  REDIS_URL: optionalText.pipe(z.string().regex(/^(rediss?:\/\/|\/)/, 'must be a redis:// or rediss:// URL').optional()),
  REDIS_KEY_PREFIX: z.string().trim().regex(/^[A-Za-z0-9_.:-]*$/, 'may hold only letters, digits and _ . : -').default('survey:'),
  REDIS_APPENDFSYNC: z.enum(['always', 'everysec']).default('everysec'),
  REDIS_DATA_DIR: z.string().trim().default('data/redis'),
  REDIS_CLUSTER_NODES: optionalText.pipe(
    z
      .string()
      .regex(/^\s*[^\s,:]+:\d{1,5}\s*(,\s*[^\s,:]+:\d{1,5}\s*)*$/, 'must be host:port seed nodes separated by commas, e.g. 10.0.0.1:6379,10.0.0.2:6379')
      .optional(),
  ),
  REDIS_WAIT_REPLICAS: wholeNumber(0, 10, 0),
  REDIS_PARTITIONS: wholeNumber(1, 1024, DEFAULT_PARTITIONS),
  REPORT_TIME_ZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Budapest or UTC'),
  /** Minutes between the background passes that close finished days into report roll-ups; 0 turns them off. */
  REPORT_CLOSE_EVERY_MINUTES: wholeNumber(0, 1440, 10),

  BUSINESS_NAME: z.string().trim().min(1).max(60).default('Example Telecom'),
  CALLBACK_NUMBER: optionalText.pipe(e164.optional()),
  DEFAULT_LANGUAGE: z.string().trim().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as en').default('en'),
  WIDGET_ALLOWED_ORIGINS: optionalText.pipe(
    z
      .string()
      .optional()
      .transform((value, context) => {
        const origins: string[] = [];
        for (const entry of (value ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
          const origin = webOrigin(entry);
          if (origin === undefined) {
            context.addIssue({ code: 'custom', message: 'each entry must be an http(s) origin such as https://www.example.com (scheme, host and port only)' });
            return z.NEVER;
          }
          origins.push(origin);
        }
        return origins;
      }),
  ),
  // Languages on the phone: voices, recordings, wording and the inbound language menu.
  /** `PROMPTS_DIR/<lang>/<messageKey>.mp3` (or .wav): recordings played instead of <Say>. */
  PROMPTS_DIR: optionalText,
  /** JSON `{ "<lang>": { "<messageKey>": "text with {placeholders}" } }` overriding the built-in wording. */
  SURVEY_MESSAGES_FILE: optionalText,
  /** Inbound calls first offer a keypad choice of these languages, e.g. en,hu,lt. */
  VOICE_LANGUAGE_MENU: languageList,
  VOICE_EN: twilioVoice,
  VOICE_ES: twilioVoice,
  VOICE_DE: twilioVoice,
  VOICE_FR: twilioVoice,
  VOICE_HU: twilioVoice,
  VOICE_LT: twilioVoice,
  VOICE_FA: twilioVoice,
  /** Signs personalised chat links and widget parameters; without it every identity a page sends is unverified. */
  WEBCHAT_SIGNING_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional()),
  RETENTION_DAYS: optionalText.pipe(z.string().regex(/^\d+$/, 'must be a whole number of days').transform(Number).pipe(z.number().min(1, 'must be at least 1')).optional()),

  // Robocaller campaigns (voice/dialer): guard rails no campaign setting can loosen.
  DIALER_MAX_CONCURRENT_CALLS: optionalText
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().min(1, 'must be 1-1000').max(1000, 'must be 1-1000')).optional())
    .transform((value) => value ?? 20),
  MAX_ANSWERED_CALLS_PER_30_DAYS: optionalText
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().min(1, 'must be 1-3').max(3, 'must be at most 3 (the legal limit)')).optional())
    .transform((value) => value ?? 3),
  MACHINE_DETECTION: optionalText.pipe(z.enum(['on', 'off'], { message: 'must be on or off' }).optional()).transform((value) => value ?? 'off'),
  MACHINE_MESSAGE: optionalText.pipe(z.enum(['on', 'off'], { message: 'must be on or off' }).optional()).transform((value) => value ?? 'on'),
  /** Countries (ISO 3166 alpha-2, as libphonenumber assigns them) the robocaller may call; unset: any. */
  ALLOWED_COUNTRIES: countryList,
  DIALER_WORKERS: optionalText.pipe(z.enum(['on', 'off'], { message: 'must be on or off' }).optional()).transform((value) => value ?? 'on'),

  // Survey after every contact (POST /api/contacts): the default policy, overridable per request.
  SURVEY_DELAY_MINUTES: wholeNumber(0, 10_080, 10),
  SURVEY_SAMPLE_PERCENT: wholeNumber(0, 100, 100),
  SURVEY_MIN_DAYS_BETWEEN: wholeNumber(0, 365, 7),
  SURVEY_CHANNELS: surveyChannelList,
  SURVEY_TEXTS_PER_SECOND: wholeNumber(1, 1000, 5),

  // Supervisors' review: sessions, the signed detractor webhook and the daily digest.
  SESSION_TTL_HOURS: z.coerce.number().positive('must be a positive number of hours').max(720, 'must be at most 720 (30 days)').default(12),
  SESSION_MAX_HOURS: z.coerce.number().positive('must be a positive number of hours').max(720, 'must be at most 720 (30 days)').default(12),
  ALERT_WEBHOOK_URL: optionalHttpUrl,
  ALERT_WEBHOOK_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  ALERT_MAX_ATTEMPTS: z.coerce.number().int('must be an integer').min(1, 'must be 1-20').max(20, 'must be 1-20').default(8),
  ALERT_RETRY_BASE_MS: z.coerce.number().int('must be an integer').min(10, 'must be at least 10 ms').default(10_000),
  ALERT_MAX_PER_MINUTE: wholeNumber(1, 10_000, 20),
  ALERT_DEDUP_MINUTES: wholeNumber(0, 10_080, 60),
  REVIEW_MAX_PER_SOURCE_PER_DAY: wholeNumber(1, 10_000, 5),
  ALERT_REASON_WAIT_SECONDS: z.coerce.number().int('must be an integer').min(0, 'must be 0 or more').max(3600, 'must be at most 3600').default(120),
  DIGEST_TIME: z
    .string()
    .trim()
    .default('07:00')
    .refine((value) => value === '' || value === 'off' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), 'must be HH:MM (local time in REPORT_TIME_ZONE), or off')
    .transform((value) => (value === '' || value === 'off' ? undefined : value)),
}).superRefine((env, context) => {
  if (env.ALERT_WEBHOOK_URL && !env.ALERT_WEBHOOK_SECRET) {
    context.addIssue({ code: 'custom', path: ['ALERT_WEBHOOK_SECRET'], message: 'required when ALERT_WEBHOOK_URL is set (the webhook is signed with it)' });
  }
});

export type RawEnvironment = z.infer<typeof environmentSchema>;
