import type { PathItems } from '../src/http/openapi/openapi-types.js';
import { emptyResponse, formBody, signatureRefusal, textResponse } from '../src/http/openapi/responses.js';
import { TWILIO_SIGNED } from '../src/http/openapi/security.js';
import { queryParameters } from '../src/http/openapi/zod-json-schema.js';
import { incomingMessageSchema, messageStatusSchema, statusQuerySchema } from './message-fields.js';

const tags = ['Messaging webhooks'];
const malformed = textResponse('A required field is missing or malformed');

/** Twilio Messaging's webhooks under /sms (SMS and WhatsApp); every one is signed like the voice webhooks. */
export function messagingPaths(): PathItems {
  return {
    '/sms/incoming': {
      post: {
        summary: 'A text message from a customer (SMS or WhatsApp): the next survey turn',
        tags,
        security: TWILIO_SIGNED,
        requestBody: formBody(incomingMessageSchema),
        responses: { '200': textResponse('TwiML <Message> with the reply (an apology if storage is slow or down)', 'text/xml'), '400': malformed, ...signatureRefusal },
      },
    },
    '/sms/status': {
      post: {
        summary: "An invitation's delivery status callback",
        description: 'The response the invitation opened travels in the signed StatusCallback URL.',
        tags,
        security: TWILIO_SIGNED,
        parameters: queryParameters(statusQuerySchema),
        requestBody: formBody(messageStatusSchema),
        responses: { '204': emptyResponse('Recorded'), '400': malformed, '503': textResponse('Could not record it; Twilio retries'), ...signatureRefusal },
      },
    },
  };
}
