import type { Server } from 'node:http';
import express, { type Express } from 'express';
import { chatRoutes } from '../../dialogs/chat-routes.js';
import { voiceRoutes } from '../../voice/voice-routes.js';
import { promptRoutes } from '../../voice/prompt-routes.js';
import { messagingRoutes } from '../../messaging/messaging-routes.js';
import { campaignRoutes } from '../../voice/campaigns/campaign-routes.js';
import { dncRoutes } from '../../voice/campaigns/dnc-routes.js';
import { contactRoutes } from '../../contacts/contact-routes.js';
import { machineDetectionRoutes } from '../../voice/dialer/amd-routes.js';
import type { Services } from '../app/services.js';
import { errorHandler, notFound } from '../http/error-handler.js';
import { requestLog } from '../http/request-log.js';
import { noSniff, noStore, securityHeaders } from '../http/security-headers.js';
import { resultsApi } from '../review/results-api.js';
import { erasureRoutes } from '../privacy/erasure-routes.js';
import { DoNotCallRemoval } from '../privacy/do-not-call-removal.js';
import { retagRoutes } from '../retagging/retag-routes.js';
import { signInRoutes } from '../auth/sign-in-routes.js';
import { favicon, reviewAssets } from '../review/review-assets.js';
import { reviewPages } from '../review/review-pages.js';
import { directLineRoutes } from '../../dialogs/webchat/directline-routes.js';
import { webChatRoutes } from '../../dialogs/webchat/webchat-routes.js';
import { SimulatedCalls } from '../../voice/simulator/simulated-calls.js';
import { simulatorRoutes } from '../../voice/simulator/simulator-routes.js';

/** The HTTP service: thin routes over the services. */
export function createApp(services: Services): Express {
  const { config, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  // TRUST_PROXY: which X-Forwarded-For entries name the client (rate limits and sign-in lockout key on it); unset, none do.
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(requestLog(logger));
  // Twilio's webhooks come first and without the browser headers: TwiML is read by Twilio, not a
  // browser, and every middleware a voice turn skips is throughput against the floor.
  app.use('/voice/prompts', promptRoutes(services.promptRecordings));
  app.use('/voice/amd', noSniff, machineDetectionRoutes(services.dialer, { authToken: config.TWILIO_AUTH_TOKEN, publicUrl: config.PUBLIC_URL }, logger));
  app.use(
    '/voice',
    noSniff,
    voiceRoutes({
      survey: services.voiceSurvey,
      signature: { authToken: config.TWILIO_AUTH_TOKEN, publicUrl: config.PUBLIC_URL },
      logger,
    }),
  );
  app.use('/sms', noSniff, messagingRoutes({ survey: services.textSurvey, signature: { authToken: config.TWILIO_AUTH_TOKEN, publicUrl: config.PUBLIC_URL }, logger }));
  app.use(securityHeaders());
  app.use(favicon());

  app.get('/healthz', async (_request, response) => {
    const redisUp = await services.redis.ping().then(
      () => true,
      () => false,
    );
    response.status(redisUp ? 200 : 503).json({ status: redisUp ? 'ok' : 'degraded', redis: redisUp ? 'up' : 'down' });
  });

  app.use('/api', noStore);
  // Bot Framework traffic on /api/messages is authenticated and all comes from the channel service: no per-address limit.
  app.use(chatRoutes({ adapter: services.chatAdapter, runTurn: services.runChatTurn, allowedServiceUrls: config.ALLOWED_SERVICE_URLS }));
  const origins = { allowedOrigins: config.WIDGET_ALLOWED_ORIGINS, publicUrl: config.PUBLIC_URL };
  const { webChat, rateLimits } = services;
  app.use(
    '/v3/directline',
    directLineRoutes({
      adapter: webChat.adapter,
      conversations: webChat.conversations,
      tokens: webChat.tokens,
      runTurn: services.runChatTurn,
      origins,
      streams: webChat.streams,
      limits: { tokens: rateLimits.guard('tokens'), chat: rateLimits.guard('chat') },
      clients: services.review.floodCaps,
    }),
  );
  app.get(['/', '/widget.js', '/review/sign-in'], rateLimits.guard('pages'));
  app.post('/review/sign-in', rateLimits.guard('signIn'));
  app.use(webChatRoutes({ businessName: config.BUSINESS_NAME, origins, bundle: webChat.bundle }));
  app.use(
    '/simulator',
    simulatorRoutes({
      calls: new SimulatedCalls(services.voiceSurvey, services.store, config.PUBLIC_URL),
      requirePage: services.requireSupervisorPage,
      requireApi: services.requireAdminApi,
      businessName: config.BUSINESS_NAME,
      defaultLanguage: config.DEFAULT_LANGUAGE,
      publicUrl: config.PUBLIC_URL,
    }),
  );
  app.use('/api/campaigns', services.requireAdminApi, campaignRoutes(services.campaigns));
  app.use('/api/contacts', services.requireAdminApi, contactRoutes(services.contactSurveys, services.clock));
  app.use('/api/dnc', services.requireAdminApi, dncRoutes({ doNotCall: services.doNotCall, removal: new DoNotCallRemoval(services.redis, services.keys), logger }));
  app.use('/api/review/erasure', services.requireAdminApi, erasureRoutes(async (who) => ({ erased: await services.eraser.eraseCustomer(who), campaignContacts: await services.campaignContactEraser.eraseCustomer(who), contactSurveys: await services.contactSurveys.eraseCustomer(who) })));
  app.use('/api/review/retag', services.requireAdminApi, retagRoutes(services.retagger));
  app.use('/api/review', services.requireAdminApi, resultsApi({ store: services.store, reports: services.review.reports, redis: services.redis, keys: services.keys }));
  app.use('/review/assets', reviewAssets());
  app.use(
    signInRoutes({
      auth: services.review.auth,
      accounts: services.review.accounts,
      sessions: services.review.sessions,
      limiter: services.review.limiter,
      adminToken: config.ADMIN_TOKEN,
      secureCookies: config.PUBLIC_URL.startsWith('https://'),
      logger,
    }),
  );
  app.use('/review', services.requireSupervisorPage, reviewPages({ review: services.review, store: services.store, config }));

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}

/** The app on a server: its requests, and its WebSocket upgrades (Direct Line streams; any other upgrade gets 404). */
export function serveApp(server: Server, services: Services): void {
  server.on('request', createApp(services));
  server.on('upgrade', (request, socket, head) => {
    if (!services.webChat.streams.handleUpgrade(request, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
}
