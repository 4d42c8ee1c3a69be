import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error.js';
import { loadEnvFile } from '../config/env-file.js';
import { loadConfig } from '../config/load-config.js';
import { LinkFieldError, checkedLanguage, signSurveyFields, signedSurveyLink } from '../links/signed-link.js';
import { IDENTITY_FIELDS, type SurveyIdentity } from '../links/survey-identity.js';

const USAGE = `Usage: npm run -s sign-link -- [--customerId ID] [--customerName NAME] [--agentId ID]
         [--agentName NAME] [--campaignId ID] [--language CODE] [--ttl 7d] [--widget]
  Prints a personalised web chat link signed with WEBCHAT_SIGNING_SECRET, on PUBLIC_URL.
  --ttl      how long the link is good for: seconds, or a number with s, m, h or d (default 7d)
  --widget   print the widget's data-* attributes instead of a link`;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `7d`, `12h`, `30m`, `90s` or `3600` → seconds; undefined when it is none of those. */
function ttlSeconds(text: string): number | undefined {
  const match = /^(\d{1,9})([smhd]?)$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1);
}

function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function main(): number {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        ...Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, { type: 'string' as const }])),
        language: { type: 'string' },
        ttl: { type: 'string', default: '7d' },
        widget: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const ttl = ttlSeconds(String(values.ttl));
  if (ttl === undefined) {
    console.error(`--ttl: ${String(values.ttl)} is not a lifetime such as 7d, 12h, 30m or 3600\n${USAGE}`);
    return 2;
  }
  loadEnvFile();
  const config = loadConfig();
  if (!config.WEBCHAT_SIGNING_SECRET) {
    console.error('WEBCHAT_SIGNING_SECRET is not set: there is nothing to sign links with (see .env.example).');
    return 1;
  }
  const identity: SurveyIdentity = {};
  for (const field of IDENTITY_FIELDS) if (typeof values[field] === 'string') identity[field] = values[field];
  const options = { secret: config.WEBCHAT_SIGNING_SECRET, ttlSeconds: ttl };
  if (values.widget) {
    const fields = signSurveyFields(identity, options);
    if (typeof values.language === 'string') fields.language = checkedLanguage(values.language);
    console.log(Object.entries(fields).map(([name, value]) => `data-${kebab(name)}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join(' '));
  } else {
    console.log(signedSurveyLink(config.PUBLIC_URL, identity, { ...options, ...(typeof values.language === 'string' ? { language: values.language } : {}) }));
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof LinkFieldError || error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = error instanceof LinkFieldError ? 2 : 1;
  } else {
    throw error;
  }
}
