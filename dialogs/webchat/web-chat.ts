import type { Redis } from 'ioredis';
import type { Logger } from '../../src/logging/logger.js';
import type { Keys } from '../../src/redis/keys.js';
import { WebChatConversations } from './conversation-log.js';
import { DirectLineTokens } from './directline-tokens.js';
import { findWebChatBundle, type WebChatBundle } from './webchat-bundle.js';
import { WebChatAdapter } from './webchat-adapter.js';

/** The customer web chat's parts, for the composition root and the routes. */
export interface WebChat {
  adapter: WebChatAdapter;
  conversations: WebChatConversations;
  tokens: DirectLineTokens;
  bundle: WebChatBundle;
}

export interface WebChatParts {
  redis: Redis;
  keys: Keys;
  logger: Logger;
  publicUrl: string;
}

export function createWebChat(parts: WebChatParts): WebChat {
  const conversations = new WebChatConversations(parts.redis, parts.keys);
  const adapter = new WebChatAdapter({ conversations, logger: parts.logger, serviceUrl: `${parts.publicUrl}/v3/directline` });
  return { adapter, conversations, tokens: new DirectLineTokens(parts.redis, parts.keys), bundle: findWebChatBundle() };
}
