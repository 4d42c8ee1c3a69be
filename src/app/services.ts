import type { TurnContext } from 'botbuilder';
import type { RequestHandler } from 'express';
import type { RedisClient } from '../redis/redis-client.js';
import { createChatAdapter } from '../../dialogs/chat-adapter.js';
import type { ChatCloudAdapter } from '../../dialogs/chat-cloud-adapter.js';
import { SurveyBot } from '../../dialogs/survey-bot.js';
import { VoiceSurvey } from '../../voice/voice-survey.js';
import { PromptAudio } from '../../voice/prompt-audio.js';
import { PromptRecordings } from '../../voice/prompt-recordings.js';
import { CampaignContactEraser } from '../../voice/campaigns/campaign-contact-eraser.js';
import { CampaignService } from '../../voice/campaigns/campaign-service.js';
import { createDialer, type DialerOverrides } from '../../voice/dialer/create-dialer.js';
import { DEFAULT_TUNING } from '../../voice/dialer/dialer-settings.js';
import type { Dialer } from '../../voice/dialer/dialer.js';
import type { Config } from '../config/load-config.js';
import type { Logger } from '../logging/logger.js';
import type { Keys } from '../redis/keys.js';
import { openKeyspace } from '../store/keyspace.js';
import { reportDayOf } from '../reports/report-day.js';
import { PublicRateLimits, rateLimitSettings } from '../http/rate-limits.js';
import { DoNotCallList } from '../store/do-not-call-list.js';
import { REPLICA_WAIT_MS, ResponseStore } from '../store/response-store.js';
import { getTagger } from '../tagging/tagger.js';
import { warmUpReading } from '../tagging/warm-up.js';
import { SurveyConversation } from '../survey/survey-conversation.js';
import { ResponseEraser } from '../privacy/response-eraser.js';
import { Retagger } from '../retagging/retagger.js';
import { startRetentionSweeper } from '../privacy/retention-sweeper.js';
import { IdleChatCloser, startIdleChatCloser } from '../store/idle-chat-closer.js';
import { createTwilioClient, recordingEraser } from '../../voice/twilio-client.js';
import { promptTwiml } from '../../voice/prompt-twiml.js';
import { createReviewModule, type ReviewModule } from '../review/review-module.js';
import { createWebChat, type WebChat } from '../../dialogs/webchat/web-chat.js';
import { chatDataEraser } from '../../dialogs/webchat/conversation-log.js';
import { WEB_CHAT_CHANNEL_ID } from '../../dialogs/webchat/webchat-adapter.js';
import { ServiceMetrics } from '../metrics/service-metrics.js';
import { countRedisEvents } from '../metrics/redis-events.js';
import { countedInvitations } from '../metrics/counted-invitations.js';
import { REVIEW_GROUP } from '../review/review-module.js';
import { createMessaging } from '../../messaging/create-messaging.js';
import type { TextSurvey } from '../../messaging/text-survey.js';
import { ContactSurveyCalls } from '../../voice/campaigns/contact-survey-calls.js';
import { createContactSurveys } from '../../contacts/create-contact-surveys.js';
import type { ContactSurveys } from '../../contacts/contact-surveys.js';
import type { TextInvitationSender } from '../survey/text-invitation.js';

export interface Services {
  config: Config;
  logger: Logger;
  redis: RedisClient;
  keys: Keys;
  store: ResponseStore;
  doNotCall: DoNotCallList;
  /** The one owner of a survey turn, for every channel. */
  conversation: SurveyConversation;
  voiceSurvey: VoiceSurvey;
  /** PROMPTS_DIR's recordings, served under /voice/prompts. */
  promptRecordings: PromptRecordings;
  /** Text messages (SMS, WhatsApp): the /sms webhooks' survey, and the invitations sent through Twilio's Messages API. */
  textSurvey: TextSurvey;
  textInvitations: TextInvitationSender;
  /** Robocaller campaigns: the dialer (BullMQ workers; the voice routes' DialerHooks) and the campaign API's service. */
  dialer: Dialer;
  campaigns: CampaignService;
  /** Surveys after contacts (`/api/contacts`): decisions and the delayed sending. */
  contactSurveys: ContactSurveys;
  /** The clock of dialling and contact-survey decisions (tests move it). */
  clock: () => Date;
  chatAdapter: ChatCloudAdapter;
  /** The customer web chat: its adapter (same middleware and bot as chatAdapter), conversation log and tokens. */
  webChat: WebChat;
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
  /** This instance's Prometheus metrics (a registry of its own). */
  metrics: ServiceMetrics;
  /** Stops background work (workers, consumers); the Redis client is closed by whoever opened it. */
  close(): Promise<void>;
}

/** In-process callers (tests, benches) may give the dialer another clock, shorter waits or another Calls API. */
export interface ServiceOptions {
  dialer?: DialerOverrides;
  /** The messaging channel's text invitations (SMS, WhatsApp) for surveys after contacts. */
  textInvitations?: TextInvitationSender;
}

/** The services on this Redis, once its keyspace is known to be the one this configuration expects (KeyspaceError otherwise). */
export async function startServices(config: Config, logger: Logger, redis: RedisClient, options: ServiceOptions = {}): Promise<Services> {
  const keys = await openKeyspace(redis, config.REDIS_KEY_PREFIX, config.REDIS_PARTITIONS);
  warmUpReading();
  return createServices(config, logger, redis, keys, options);
}

/** VOICE_<LANG> settings by language code. */
function voiceOverrides(config: Config): Record<string, string | undefined> {
  return { en: config.VOICE_EN, es: config.VOICE_ES, de: config.VOICE_DE, fr: config.VOICE_FR, hu: config.VOICE_HU, lt: config.VOICE_LT, fa: config.VOICE_FA };
}

function createServices(config: Config, logger: Logger, redis: RedisClient, keys: Keys, options: ServiceOptions): Services {
  const dayOf = reportDayOf(config.REPORT_TIME_ZONE);
  const metrics = new ServiceMetrics({ redis, keys, consumerGroups: [REVIEW_GROUP] });
  const stopCountingRedis = countRedisEvents(redis, metrics);
  const store = new ResponseStore(redis, keys, {
    dayOf,
    waitReplicas: config.REDIS_WAIT_REPLICAS,
    onReplicaShortfall: (wanted, reached) => {
      metrics.replicaShortfalls.inc();
      logger.warn({ wanted, reached, waitedMs: REPLICA_WAIT_MS }, 'a survey turn was acknowledged before enough replicas had it (REDIS_WAIT_REPLICAS)');
    },
  });
  const doNotCall = new DoNotCallList(redis, keys);
  const callbackNumber = config.CALLBACK_NUMBER ?? config.TWILIO_FROM_NUMBER;
  const twilioClient = createTwilioClient(config);
  const eraser = new ResponseEraser(redis, keys, [chatDataEraser(redis, keys, WEB_CHAT_CHANNEL_ID), ...(twilioClient ? [recordingEraser(twilioClient)] : [])]);
  const stopRetention = config.RETENTION_DAYS ? startRetentionSweeper(eraser, config.RETENTION_DAYS, logger) : () => undefined;
  const idleChatCloser = new IdleChatCloser(redis, keys, store);
  const stopIdleChatCloser = startIdleChatCloser(idleChatCloser, logger);

  const conversation = new SurveyConversation({
    store,
    doNotCall,
    tagger: getTagger,
    business: { businessName: config.BUSINESS_NAME, ...(callbackNumber ? { callbackNumber } : {}) },
    defaultLanguage: config.DEFAULT_LANGUAGE,
    messages: config.surveyMessages,
    onTurn: (channel, outcome) => metrics.turns.inc({ channel, outcome }),
  });
  const promptRecordings = new PromptRecordings(config.PROMPTS_DIR);
  const audio = new PromptAudio(config.PUBLIC_URL, promptRecordings, voiceOverrides(config));
  const unvoiced = audio.unvoiced();
  if (unvoiced.length > 0) logger.info({ messages: unvoiced }, `${unvoiced.length} spoken messages have neither a Twilio voice nor a recording in PROMPTS_DIR; calls say them in the account's default voice: ${unvoiced.join(', ')}`);
  const machineMessage = (language: string) => promptTwiml(conversation.say(language, ['machineMessage'], 'voice'), config.PUBLIC_URL, audio);
  const messaging = createMessaging({ config, logger, redis, keys, store, doNotCall, conversation, twilioClient });
  const invitations = countedInvitations(messaging.invitations, metrics);
  // Surveys after contacts and campaigns reach customers by text only where the messaging channel can send.
  const texts = options.textInvitations ?? (twilioClient && config.TWILIO_FROM_NUMBER ? invitations : undefined);
  const dialer = createDialer(config, { redis, keys, doNotCall, logger, machineMessage, texts, onCall: (outcome) => metrics.dialerCalls.inc({ outcome }) }, options.dialer);
  dialer.start();
  const clock = options.dialer?.clock ?? (() => new Date());
  const contactSurveys = createContactSurveys(config, {
    redis,
    keys,
    doNotCall,
    calls: new ContactSurveyCalls(redis, keys, dialer, logger, clock, config.ALLOWED_COUNTRIES),
    texts,
    clock,
    logger,
    pacingMarginMs: options.dialer?.tuning?.pacingMarginMs ?? DEFAULT_TUNING.pacingMarginMs,
  });
  const voiceSurvey = new VoiceSurvey({
    conversation,
    dialer,
    publicUrl: config.PUBLIC_URL,
    defaultLanguage: config.DEFAULT_LANGUAGE,
    audio,
    ...(config.VOICE_LANGUAGE_MENU ? { languageMenu: config.VOICE_LANGUAGE_MENU } : {}),
  });

  const bot = new SurveyBot(conversation);
  const chatAdapter = createChatAdapter(config, logger);
  const review = createReviewModule({ config, logger, redis, keys, store, onAlertDelivery: ({ kind, outcome }) => metrics.alertDeliveries.inc({ kind, outcome }) });
  const webChat = createWebChat({ redis, keys, logger, publicUrl: config.PUBLIC_URL, allowedOrigins: config.WIDGET_ALLOWED_ORIGINS, signingSecret: config.WEBCHAT_SIGNING_SECRET });

  return {
    config,
    logger,
    redis,
    keys,
    store,
    doNotCall,
    conversation,
    voiceSurvey,
    promptRecordings,
    textSurvey: messaging.survey,
    textInvitations: invitations,
    dialer,
    campaigns: new CampaignService(dialer.store, dialer, clock, { allowedCountries: config.ALLOWED_COUNTRIES }),
    contactSurveys: contactSurveys.surveys,
    clock,
    chatAdapter,
    webChat,
    eraser,
    campaignContactEraser: new CampaignContactEraser(redis, keys),
    idleChatCloser,
    retagger: new Retagger(redis, keys, getTagger, logger, dayOf),
    runChatTurn: (context) => bot.run(context),
    rateLimits: new PublicRateLimits(redis, keys, rateLimitSettings(config), (kind, scope) => metrics.rateLimitRefusals.inc({ route_class: kind, scope })),
    review,
    requireAdminApi: review.auth.requireApi,
    requireSupervisorPage: review.auth.requirePage,
    metrics,
    close: async () => {
      stopCountingRedis();
      stopRetention();
      stopIdleChatCloser();
      await webChat.streams.close();
      await contactSurveys.close();
      await dialer.close();
      await review.close();
    },
  };
}
