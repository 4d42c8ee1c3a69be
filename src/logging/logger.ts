import { pino, type Logger } from 'pino';
import { maskPhonesInText } from './mask.js';

export type { Logger } from 'pino';

const SECRET_PATHS = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'headers["x-twilio-signature"]',
  'token',
  'password',
  '*.authorization',
  '*.token',
  '*.password',
  'AuthToken',
];

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPhonesInText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: maskPhonesInText(value.message), stack: value.stack && maskPhonesInText(value.stack) };
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskDeep(item, depth + 1)]));
}

/** JSON-lines logger: secrets redacted by path, phone numbers masked anywhere in the record. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      formatters: {
        level: (label) => ({ level: label }),
        log: (record) => maskDeep(record) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? maskPhonesInText(arg) : arg)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}
