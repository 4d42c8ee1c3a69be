import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Logger } from '../../src/logging/logger.js';
import type { Keys } from '../../src/redis/keys.js';
import { ActivityStreams } from './activity-streams.js';
import { WebChatConversations } from './conversation-log.js';
import { DirectLineTokens } from './directline-tokens.js';
import { findWebChatBundle, type WebChatBundle } from './webchat-bundle.js';
import { WebChatAdapter } from './webchat-adapter.js';

/** The customer web chat's parts, for the composition root and the routes. */
export interface WebChat {
  adapter: WebChatAdapter;
  conversations: WebChatConversations;
  tokens: DirectLineTokens;
  /** The WebSocket streams of activities (Direct Line's streamUrl). */
  streams: ActivityStreams;
  bundle: WebChatBundle;
}

export interface WebChatParts {
  redis: RedisClient;
  keys: Keys;
  logger: Logger;
  publicUrl: string;
  /** WIDGET_ALLOWED_ORIGINS: other sites whose pages may open a stream. */
  allowedOrigins: readonly string[];
  /** WEBCHAT_SIGNING_SECRET. */
  signingSecret?: string | undefined;
}

export function createWebChat(parts: WebChatParts): WebChat {
  const conversations = new WebChatConversations(parts.redis, parts.keys);
  const adapter = new WebChatAdapter({ conversations, logger: parts.logger, serviceUrl: `${parts.publicUrl}/v3/directline`, signingSecret: parts.signingSecret });
  const streams = new ActivityStreams({ redis: parts.redis, keys: parts.keys, conversations, logger: parts.logger, origins: { allowedOrigins: parts.allowedOrigins, publicUrl: parts.publicUrl } });
  return { adapter, conversations, tokens: new DirectLineTokens(parts.redis, parts.keys), streams, bundle: findWebChatBundle() };
}
