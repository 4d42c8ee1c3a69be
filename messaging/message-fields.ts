import { z } from 'zod';

export const MESSAGE_SID = /^(SM|MM)[0-9a-f]{32}$/;

/** Twilio never sends a longer body (1,600 characters); a little slack for characters counted differently. */
export const MAX_BODY_LENGTH = 2000;

const address = z.string().trim().min(1).max(80);

/** Twilio's form fields on the incoming-message webhook. */
export const incomingMessageSchema = z.object({
  MessageSid: z.string().regex(MESSAGE_SID, 'MessageSid must be SM or MM followed by 32 hex digits'),
  AccountSid: z.string().max(64).optional(),
  From: address,
  To: address,
  Body: z.string().max(MAX_BODY_LENGTH, `Body must be at most ${MAX_BODY_LENGTH} characters`).optional(),
  NumMedia: z.coerce.number().int().min(0).max(10).optional(),
});

/** Twilio's message status callback (the StatusCallback of an invitation). */
export const messageStatusSchema = z.object({
  MessageSid: z.string().regex(MESSAGE_SID, 'MessageSid must be SM or MM followed by 32 hex digits'),
  MessageStatus: z.string().max(32),
  ErrorCode: z.string().max(16).optional(),
  To: address.optional(),
  From: address.optional(),
});

/** The response an invitation opened travels in its signed StatusCallback URL. */
export const statusQuerySchema = z.object({
  response: z.string().regex(/^(sms|whatsapp)-[0-9a-f]{32}$/, 'response must name a text survey'),
});

export type IncomingMessage = z.infer<typeof incomingMessageSchema>;
export type MessageStatus = z.infer<typeof messageStatusSchema>;
