import { ActivityTypes } from 'botbuilder';
import { z } from 'zod';
import { MAX_MESSAGE_LENGTH } from '../../dialogs/activity-guard.js';
import type { IncomingActivity } from './webchat-adapter.js';

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
/** channelData and an event's value are passed to the bot; keep them small. */
const MAX_JSON_BYTES = 8 * 1024;

function fitsInJsonLimit(value: unknown): boolean {
  return value === undefined || Buffer.byteLength(JSON.stringify(value) ?? '') <= MAX_JSON_BYTES;
}

/** What Web Chat (or any Direct Line client) may post; anything else in the body is dropped. */
export const postedActivitySchema = z
  .object({
    type: z.enum([ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing], { error: 'type must be message, event or typing' }),
    text: z.string().max(MAX_MESSAGE_LENGTH, `text is longer than ${MAX_MESSAGE_LENGTH} characters`).optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    name: z.string().min(1).max(64).regex(NO_CONTROL_CHARACTERS, 'name must not contain control characters').optional(),
    value: z.unknown().refine(fitsInJsonLimit, `value is larger than ${MAX_JSON_BYTES} bytes`).optional(),
    locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'locale must be a BCP 47 tag such as en-US').optional(),
    from: z
      .object({
        id: z.string().min(1).max(256).regex(NO_CONTROL_CHARACTERS, 'from.id must not contain control characters'),
        name: z.string().max(256).optional(),
      })
      .optional(),
    channelData: z.record(z.string(), z.unknown()).refine(fitsInJsonLimit, `channelData is larger than ${MAX_JSON_BYTES} bytes`).optional(),
    attachments: z.array(z.unknown()).max(0, 'attachments are not accepted').optional(),
  })
  .superRefine((activity, context) => {
    if (activity.type === ActivityTypes.Message && !activity.text?.trim()) {
      context.addIssue({ code: 'custom', path: ['text'], message: 'a message activity needs text' });
    }
    if (activity.type === ActivityTypes.Event && !activity.name) {
      context.addIssue({ code: 'custom', path: ['name'], message: 'an event activity needs a name' });
    }
  });

export type PostedActivityVerdict = { ok: true; activity: IncomingActivity } | { ok: false; message: string };

const ANONYMOUS_CUSTOMER = { id: 'customer' };

export function checkPostedActivity(body: unknown): PostedActivityVerdict {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: 'the body must be an activity (a JSON object)' };
  const parsed = postedActivitySchema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ') };
  }
  const { attachments: _attachments, from, channelData, ...rest } = parsed.data;
  const activity: IncomingActivity = { ...rest, from: from ?? ANONYMOUS_CUSTOMER };
  if (channelData !== undefined) activity.channelData = channelData;
  return { ok: true, activity };
}
