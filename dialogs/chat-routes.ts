import { DeliveryModes, type TurnContext } from 'botbuilder';
import { Router } from 'express';
import { jsonBody } from '../src/http/json-body.js';
import { checkActivity } from './activity-guard.js';
import type { ChatCloudAdapter } from './chat-cloud-adapter.js';
import { isAllowedServiceUrl } from './service-url-policy.js';

export interface ChatRoutesOptions {
  adapter: ChatCloudAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  allowedServiceUrls: readonly string[];
}

/** POST /api/messages: refuses malformed activities and disallowed serviceUrls before the adapter sees them. */
export function chatRoutes(options: ChatRoutesOptions): Router {
  const router = Router();
  router.post('/api/messages', jsonBody({ limit: '1mb' }), async (request, response) => {
    const verdict = checkActivity(request.body);
    if (!verdict.ok) {
      response.status(400).json({ error: verdict.message });
      return;
    }
    const { activity } = verdict;
    const repliesInBody = activity.deliveryMode === DeliveryModes.ExpectReplies;
    if (!repliesInBody && !isAllowedServiceUrl(activity.serviceUrl ?? '', options.allowedServiceUrls)) {
      response.status(403).json({ error: 'serviceUrl is not in ALLOWED_SERVICE_URLS; replies will not be sent there' });
      return;
    }
    const body = request.body as Record<string, unknown>;
    body.channelId ??= 'directline';
    body.recipient ??= { id: 'survey-bot', name: 'Survey' };
    await options.adapter.processValidated(body, request.header('authorization') ?? '', response, options.runTurn);
  });
  return router;
}
