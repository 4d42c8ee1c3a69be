import { ConversationState } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Twilio } from 'twilio';
import { createChatAdapter } from '../../dialogs/chat-adapter.js';
import type { ChatCloudAdapter } from '../../dialogs/chat-cloud-adapter.js';
import { ChatSurveyRecorder } from '../../dialogs/chat-survey-recorder.js';
import { ChatTranscriptMiddleware } from '../../dialogs/chat-transcript-middleware.js';
import { ConversationLockMiddleware } from '../../dialogs/conversation-lock.js';
import { RedisStorage } from '../../dialogs/redis-storage.js';
import { SurveyBot } from '../../dialogs/survey-bot.js';
import { SurveyDialog } from '../../dialogs/survey-dialog.js';
import { VoiceSurvey } from '../../voice/voice-survey.js';
import { CampaignContactEraser } from '../../voice/campaigns/campaign-contact-eraser.js';
import { CampaignService } from '../../voice/campaigns/campaign-service.js';
import { createDialer, type DialerOverrides } from '../../voice/dialer/create-dialer.js';
import type { Dialer } from '../../voice/dialer/dialer.js';
import type { Config } from '../config/load-config.js';
import type { Logger } from '../logging/logger.js';
import { createKeys, type Keys } from '../redis/keys.js';
import { PublicRateLimits, rateLimitSettings } from '../http/rate-limits.js';
import { ScoreCounts } from '../reports/score-counts.js';
import { DoNotCallList } from '../store/do-not-call-list.js';
import { ResponseStore } from '../store/response-store.js';
import { getTagger } from '../tagging/tagger.js';
import { ResponseEraser } from '../privacy/response-eraser.js';
import { Retagger } from '../retagging/retagger.js';
import { startRetentionSweeper } from '../privacy/retention-sweeper.js';
import { IdleChatCloser, startIdleChatCloser } from '../store/idle-chat-closer.js';
import { createTwilioClient, recordingEraser } from '../../voice/twilio-client.js';
import { createReviewModule, type ReviewModule } from '../review/review-module.js';
import { createWebChat, type WebChat } from '../../dialogs/webchat/web-chat.js';
import { chatDataEraser } from '../../dialogs/webchat/conversation-log.js';
import { WEB_CHAT_CHANNEL_ID } from '../../dialogs/webchat/webchat-adapter.js';

/** Dialog state outlives the survey by this long, then Redis drops it. */
const CONVERSATION_STATE_TTL_SECONDS = 2 * 24 * 3600;

export interface Services {
  config: Config;
  logger: Logger;
  redis: Redis;
  keys: Keys;
  store: ResponseStore;
  doNotCall: DoNotCallList;
  scoreCounts: ScoreCounts;
  voiceSurvey: VoiceSurvey;
  /** Robocaller campaigns: the dialer (BullMQ workers; the voice routes' DialerHooks) and the campaign API's service. */
  dialer: Dialer;
  campaigns: CampaignService;
  chatAdapter: ChatCloudAdapter;
  /** The customer web chat: its adapter (same middleware and bot as chatAdapter), conversation log and tokens. */
  webChat: WebChat;
  /** The real twilio REST client (pointed at TWILIO_API_URL when set); undefined without credentials. */
  twilioClient: Twilio | undefined;
  eraser: ResponseEraser;
  /** Erasure on request in robocaller campaigns (contacts and their audit lines). */
  campaignContactEraser: CampaignContactEraser;
  idleChatCloser: IdleChatCloser;
  retagger: Retagger;
  runChatTurn: (context: TurnContext) => Promise<void>;
  /** Rate limits of the public routes (web chat, widget, sign-in), shared by every instance through Redis. */
  rateLimits: PublicRateLimits;
  /** Supervisors' review: accounts and sessions, reports, review queue, detractor webhook, daily digest. */
  review: ReviewModule;
  /** Guards `/api/review/*`, `/api/campaigns/*` and `/api/dnc`: the admin bearer token, or a supervisor session (writes also need its X-CSRF-Token); else 401. */
  requireAdminApi: RequestHandler;
  /** Guards supervisor pages (`/review`, `/simulator`): the bearer token or a session; signed-out browsers are redirected to /review/sign-in, others get 401. */
  requireSupervisorPage: RequestHandler;
  /** Stops background work (workers, consumers); the Redis client is closed by whoever opened it. */
  close(): Promise<void>;
}

/** In-process callers (tests, benches) may give the dialer another clock, shorter waits or another Calls API. */
export interface ServiceOptions {
  dialer?: DialerOverrides;
}

export function createServices(config: Config, logger: Logger, redis: Redis, options: ServiceOptions = {}): Services {
  const keys = createKeys(config.REDIS_KEY_PREFIX);
  const store = new ResponseStore(redis, keys);
  const doNotCall = new DoNotCallList(redis, keys);
  const callbackNumber = config.CALLBACK_NUMBER ?? config.TWILIO_FROM_NUMBER;
  const twilioClient = createTwilioClient(config);
  const eraser = new ResponseEraser(redis, keys, [chatDataEraser(redis, keys, WEB_CHAT_CHANNEL_ID), ...(twilioClient ? [recordingEraser(twilioClient)] : [])]);
  const stopRetention = config.RETENTION_DAYS ? startRetentionSweeper(eraser, config.RETENTION_DAYS, logger) : () => undefined;
  const idleChatCloser = new IdleChatCloser(redis, keys, store);
  const stopIdleChatCloser = startIdleChatCloser(idleChatCloser, logger);

  const dialer = createDialer(config, { redis, keys, doNotCall, logger }, options.dialer);
  dialer.start();
  const voiceSurvey = new VoiceSurvey({
    store,
    doNotCall,
    dialer,
    tagger: getTagger,
    publicUrl: config.PUBLIC_URL,
    businessName: config.BUSINESS_NAME,
    ...(callbackNumber ? { callbackNumber } : {}),
    defaultLanguage: config.DEFAULT_LANGUAGE,
  });

  const storage = new RedisStorage(redis, { redisKey: keys.botState, ttlSeconds: CONVERSATION_STATE_TTL_SECONDS });
  const conversationState = new ConversationState(storage);
  const recorder = new ChatSurveyRecorder(store, doNotCall, getTagger);
  const bot = new SurveyBot({ conversationState, dialog: new SurveyDialog(recorder), recorder, businessName: config.BUSINESS_NAME, defaultLanguage: config.DEFAULT_LANGUAGE });
  const chatAdapter = createChatAdapter(config, logger);
  // Both chat adapters (Bot Framework's and the web chat's) run this middleware, in this order, and the same bot.
  const chatMiddleware = [
    new ConversationLockMiddleware(redis, { lockKey: keys.conversationLock, leaseMs: 10_000, waitMs: 8_000 }),
    new ChatTranscriptMiddleware(recorder, config.DEFAULT_LANGUAGE),
  ];
  chatAdapter.use(...chatMiddleware);
  const review = createReviewModule({ config, logger, redis, keys, store });
  const webChat = createWebChat({ redis, keys, logger, publicUrl: config.PUBLIC_URL, middleware: chatMiddleware });

  return {
    config,
    logger,
    redis,
    keys,
    store,
    doNotCall,
    scoreCounts: new ScoreCounts(redis, keys),
    voiceSurvey,
    dialer,
    campaigns: new CampaignService(dialer.store, dialer, options.dialer?.clock ?? (() => new Date()), { allowedCountries: config.ALLOWED_COUNTRIES }),
    chatAdapter,
    webChat,
    twilioClient,
    eraser,
    campaignContactEraser: new CampaignContactEraser(redis, keys),
    idleChatCloser,
    retagger: new Retagger(redis, keys, getTagger, logger),
    runChatTurn: (context) => bot.run(context),
    rateLimits: new PublicRateLimits(redis, keys, rateLimitSettings(config)),
    review,
    requireAdminApi: review.auth.requireApi,
    requireSupervisorPage: review.auth.requirePage,
    close: async () => {
      stopRetention();
      stopIdleChatCloser();
      await dialer.close();
      await review.close();
    },
  };
}
