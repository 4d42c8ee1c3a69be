import { z } from 'zod';
import type { PathItems } from '../../src/http/openapi/openapi-types.js';
import { htmlResponse, textResponse } from '../../src/http/openapi/responses.js';
import { OPEN } from '../../src/http/openapi/security.js';
import { queryParameters } from '../../src/http/openapi/zod-json-schema.js';

const tags = ['Web chat'];

/** The customer's chat page, the embeddable widget and their assets; `bundleUrl` is the versioned Web Chat bundle. */
export function webChatPaths(bundleUrl: string): PathItems {
  const script = textResponse('The script', 'text/javascript');
  return {
    '/': {
      get: {
        summary: 'The customer chat page',
        tags,
        security: OPEN,
        parameters: queryParameters(z.object({ embed: z.enum(['1']).optional().describe('1: the framed page the widget opens') })),
        responses: { '200': htmlResponse('The page'), '429': textResponse('Rate limited') },
      },
    },
    '/widget.js': { get: { summary: 'The embeddable chat widget (a <script> for the company’s own site)', tags, security: OPEN, responses: { '200': script, '429': textResponse('Rate limited') } } },
    [bundleUrl]: { get: { summary: 'The Web Chat bundle, brotli or gzip, cached for a year (the URL carries its version)', tags, security: OPEN, responses: { '200': script } } },
    '/webchat/{file}': { get: { summary: "The chat page's own scripts and stylesheet", tags, security: OPEN, responses: { '200': textResponse('The file', 'text/javascript'), '404': textResponse('No such file') } } },
  };
}
