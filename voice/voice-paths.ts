import type { Operation, PathItems } from '../src/http/openapi/openapi-types.js';
import { emptyResponse, formBody, signatureRefusal, textResponse } from '../src/http/openapi/responses.js';
import { OPEN, TWILIO_SIGNED } from '../src/http/openapi/security.js';
import { RECORDING_TYPES } from './prompt-recordings.js';
import { queryParameters } from '../src/http/openapi/zod-json-schema.js';
import { machineVerdictSchema } from './dialer/amd-routes.js';
import { gatherPositionSchema, gatherResultSchema, incomingCallSchema, statusCallbackSchema } from './webhook-fields.js';

const tags = ['Voice webhooks'];
const twiml = textResponse('TwiML for the call (an apology if storage is slow or down)', 'text/xml');
const malformed = textResponse('A required field is missing or malformed');

function webhook(summary: string, description: string, operation: Partial<Operation>): Operation {
  return { summary, description, tags, security: TWILIO_SIGNED, responses: {}, ...operation };
}

/** Twilio's webhooks under /voice; every one is signed (X-Twilio-Signature over PUBLIC_URL + path). */
export function voicePaths(): PathItems {
  return {
    '/voice/incoming': {
      post: webhook('A call starts (inbound, or a dialer call answered)', 'Dialer calls carry campaign, contact and attempt in the query.', {
        requestBody: formBody(incomingCallSchema),
        responses: { '200': twiml, '400': malformed, ...signatureRefusal },
      }),
    },
    '/voice/language': {
      post: webhook('The caller chose a language in the keypad menu (VOICE_LANGUAGE_MENU)', "The digit picks the survey's language; no digit, or one the menu does not offer, gives DEFAULT_LANGUAGE.", {
        requestBody: formBody(gatherResultSchema),
        responses: { '200': twiml, '400': malformed, ...signatureRefusal },
      }),
    },
    '/voice/prompts/{language}/{file}': {
      get: {
        summary: 'A recorded prompt that <Play> names',
        description: 'Files found under PROMPTS_DIR/<language>/<messageKey>.mp3 (or .wav) at start-up; fetched by Twilio unsigned, like any audio a caller hears. Cacheable for a day.',
        tags,
        security: OPEN,
        responses: {
          '200': { description: 'The recording', content: Object.fromEntries(Object.values(RECORDING_TYPES).map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])) },
          '404': textResponse('No such recorded prompt'),
        },
      },
    },
    '/voice/answer': {
      post: webhook("A <Gather>'s result", 'Where the question was asked travels in the signed action URL.', {
        parameters: queryParameters(gatherPositionSchema),
        requestBody: formBody(gatherResultSchema),
        responses: { '200': twiml, '400': malformed, ...signatureRefusal },
      }),
    },
    '/voice/status': {
      post: webhook('The call status callback', 'A call that ended keeps a partial score or is abandoned; dialer calls settle their attempt.', {
        requestBody: formBody(statusCallbackSchema),
        responses: { '204': emptyResponse('Recorded'), '400': malformed, '503': textResponse('Could not record it; Twilio retries'), ...signatureRefusal },
      }),
    },
    '/voice/amd': {
      post: webhook("The answering-machine verdict on a dialer call (AsyncAmdStatusCallback)", 'A machine gets the message after the beep, or is hung up on.', {
        requestBody: formBody(machineVerdictSchema),
        responses: { '204': emptyResponse('Acted on'), '400': malformed, '503': textResponse('Could not act on it'), ...signatureRefusal },
      }),
    },
  };
}
