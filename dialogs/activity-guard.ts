import { ActivityTypes, DeliveryModes } from 'botbuilder';
import { z } from 'zod';

const KNOWN_TYPES = new Set<string>(Object.values(ActivityTypes));
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]+$/;
export const MAX_MESSAGE_LENGTH = 20_000;

const identifier = z.string().min(1).max(1024).regex(NO_CONTROL_CHARACTERS, 'must not contain control characters');

export const activitySchema = z
  .object({
    type: z.string().refine((type) => KNOWN_TYPES.has(type), 'unknown activity type'),
    conversation: z.object({ id: identifier }, { error: 'conversation.id is required' }),
    from: z.object({ id: identifier, name: z.string().max(256).optional() }, { error: 'from.id is required' }),
    channelId: identifier.optional(),
    serviceUrl: z.string().max(2048).optional(),
    deliveryMode: z.enum([DeliveryModes.Normal, DeliveryModes.Notification, DeliveryModes.ExpectReplies, DeliveryModes.Ephemeral]).optional(),
    text: z.string().max(MAX_MESSAGE_LENGTH, `text is longer than ${MAX_MESSAGE_LENGTH} characters`).optional(),
    locale: z.string().max(32).optional(),
  })
  .superRefine((activity, context) => {
    if (activity.type === ActivityTypes.Message && (activity.text === undefined || activity.text.length === 0)) {
      context.addIssue({ code: 'custom', path: ['text'], message: 'a message activity needs text' });
    }
    if (activity.deliveryMode !== DeliveryModes.ExpectReplies && !activity.serviceUrl) {
      context.addIssue({ code: 'custom', path: ['serviceUrl'], message: 'serviceUrl is required unless deliveryMode is expectReplies' });
    }
  });

export type GuardedActivity = z.infer<typeof activitySchema>;

export type ActivityVerdict = { ok: true; activity: GuardedActivity } | { ok: false; message: string };

/** Refuses what the Bot Framework adapter would wrongly accept (it answers 200 to an activity with no conversation). */
export function checkActivity(body: unknown): ActivityVerdict {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: 'the body must be a Bot Framework activity (a JSON object)' };
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const message = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
  return { ok: false, message };
}
