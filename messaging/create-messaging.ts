import type { Twilio } from 'twilio';
import type { Config } from '../src/config/load-config.js';
import type { Logger } from '../src/logging/logger.js';
import { DoNotCallRemoval } from '../src/privacy/do-not-call-removal.js';
import type { Keys } from '../src/redis/keys.js';
import type { RedisClient } from '../src/redis/redis-client.js';
import type { DoNotCallList } from '../src/store/do-not-call-list.js';
import type { ResponseStore } from '../src/store/response-store.js';
import type { SurveyConversation } from '../src/survey/survey-conversation.js';
import type { TextInvitationSender } from '../src/survey/text-invitation.js';
import { TextConversations } from './text-conversations.js';
import { TwilioTextInvitations } from './text-invitations.js';
import { TextSurvey } from './text-survey.js';

export interface MessagingDependencies {
  config: Config;
  logger: Logger;
  redis: RedisClient;
  keys: Keys;
  store: ResponseStore;
  doNotCall: DoNotCallList;
  conversation: SurveyConversation;
  twilioClient: Twilio | undefined;
}

/** The text-message channel: the inbound survey (/sms webhooks) and outbound invitations. */
export interface Messaging {
  survey: TextSurvey;
  invitations: TextInvitationSender;
}

export function createMessaging(dependencies: MessagingDependencies): Messaging {
  const { config, logger, redis, keys, store, doNotCall, conversation, twilioClient } = dependencies;
  const conversations = new TextConversations(redis, keys);
  const survey = new TextSurvey({
    conversation,
    conversations,
    store,
    doNotCall,
    removal: new DoNotCallRemoval(redis, keys),
    logger,
    defaultLanguage: config.DEFAULT_LANGUAGE,
    ...(config.MESSAGING_NUMBERS ? { ourNumbers: config.MESSAGING_NUMBERS } : {}),
  });
  const invitations = new TwilioTextInvitations({
    client: twilioClient,
    conversation,
    conversations,
    doNotCall,
    logger,
    publicUrl: config.PUBLIC_URL,
    businessName: config.BUSINESS_NAME,
    ...(config.TWILIO_FROM_NUMBER ? { smsFrom: config.TWILIO_FROM_NUMBER } : {}),
    ...(config.WHATSAPP_FROM_NUMBER ? { whatsappFrom: config.WHATSAPP_FROM_NUMBER } : {}),
    ...(config.WHATSAPP_TEMPLATE_SID ? { whatsappTemplateSid: config.WHATSAPP_TEMPLATE_SID } : {}),
  });
  return { survey, invitations };
}
