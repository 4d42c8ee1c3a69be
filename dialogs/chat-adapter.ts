import type { TurnContext } from 'botbuilder';
import { CachingBotFrameworkAuthentication } from './caching-authentication.js';
import { ChatCloudAdapter } from './chat-cloud-adapter.js';
import type { Logger } from '../src/logging/logger.js';

export interface BotCredentials {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppTenantId?: string;
  MicrosoftAppType?: string;
}

/** The real Bot Framework adapter; with no app id, Bot Framework authentication is off (local use only). */
export function createChatAdapter(credentials: BotCredentials, logger: Logger): ChatCloudAdapter {
  const authentication = new CachingBotFrameworkAuthentication({
    MicrosoftAppId: credentials.MicrosoftAppId ?? '',
    MicrosoftAppPassword: credentials.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: credentials.MicrosoftAppTenantId ?? '',
    MicrosoftAppType: credentials.MicrosoftAppType ?? (credentials.MicrosoftAppId ? 'MultiTenant' : ''),
  });
  const adapter = new ChatCloudAdapter(authentication);
  adapter.logger = logger;
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, conversation: context.activity.conversation?.id }, 'chat turn failed');
    await context.sendActivity('Sorry, something went wrong on our side. Please try again in a moment.');
  };
  return adapter;
}
