import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chatPaths } from '../../dialogs/chat-paths.js';
import { directLinePaths } from '../../dialogs/webchat/directline-paths.js';
import { webChatPaths } from '../../dialogs/webchat/webchat-paths.js';
import { campaignPaths } from '../../voice/campaigns/campaign-paths.js';
import { simulatorPaths } from '../../voice/simulator/simulator-paths.js';
import { voicePaths } from '../../voice/voice-paths.js';
import { messagingPaths } from '../../messaging/messaging-paths.js';
import { contactPaths } from '../../contacts/contact-paths.js';
import { openApiDocument, type OpenApiDocument } from '../http/openapi/openapi-document.js';
import { privacyPaths } from '../http/openapi/privacy-paths.js';
import { resultsApiPaths } from '../http/openapi/results-api-paths.js';
import { reviewPagePaths } from '../http/openapi/review-page-paths.js';
import { servicePaths } from '../http/openapi/service-paths.js';
import { projectRoot } from '../review/review-assets.js';

const TAGS = [
  { name: 'Chat', description: 'Bot Framework channels' },
  { name: 'Direct Line', description: "The web chat's Direct Line 3.0 endpoints" },
  { name: 'Web chat', description: 'The customer chat page and widget' },
  { name: 'Voice webhooks', description: "Twilio's signed webhooks" },
  { name: 'Messaging webhooks', description: "Twilio Messaging's signed webhooks (SMS, WhatsApp)" },
  { name: 'Phone simulator', description: 'A call in the browser, for supervisors' },
  { name: 'Results API', description: "Supervisors' figures as JSON and CSV" },
  { name: 'Privacy', description: 'Erasure on request' },
  { name: 'Retagging', description: 'Re-tagging stored reasons' },
  { name: 'Campaigns', description: 'Robocaller campaigns' },
  { name: 'Contacts', description: 'Surveys after customer contacts' },
  { name: 'Do not call', description: 'The do-not-call list' },
  { name: 'Review pages', description: "Supervisors' HTML pages" },
  { name: 'Review queue', description: "The review queue's form posts" },
  { name: 'Sign-in', description: 'Supervisor sign-in' },
  { name: 'Service', description: 'Health, metrics and this document' },
];

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The OpenAPI document of every route createApp mounts; `bundleUrl` is the versioned Web Chat bundle. */
export function serviceOpenApi(bundleUrl: string): OpenApiDocument {
  return openApiDocument({
    version: packageVersion(),
    tags: TAGS,
    areas: [servicePaths(), chatPaths(), directLinePaths(), webChatPaths(bundleUrl), voicePaths(), messagingPaths(), simulatorPaths(), campaignPaths(), contactPaths(), resultsApiPaths(), privacyPaths(), reviewPagePaths()],
  });
}
