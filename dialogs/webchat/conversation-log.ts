import type { Activity } from 'botbuilder';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Keys } from '../../src/redis/keys.js';

/** Same lifetime as the dialog state: a reload (or another instance) resumes within it. */
export const CONVERSATION_TTL_SECONDS = 2 * 24 * 3600;
/** A survey is a handful of turns; this bounds what one conversation can make us store. */
export const MAX_ACTIVITIES_PER_CONVERSATION = 400;
/** Most activities one GET answers; the client asks again from the new watermark. */
export const PAGE_SIZE = 100;

export type StoredActivity = Partial<Activity>;

export interface ActivityPage {
  activities: StoredActivity[];
  watermark: string;
}

export class ConversationFullError extends Error {
  constructor() {
    super(`a web chat conversation holds at most ${MAX_ACTIVITIES_PER_CONVERSATION} activities`);
    this.name = 'ConversationFullError';
  }
}

/** Direct Line's activity id: the conversation and the activity's place in it. */
export function activityId(conversationId: string, index: number): string {
  return `${conversationId}|${String(index).padStart(7, '0')}`;
}

/**
 * Every activity of a web chat conversation, the customer's and the bot's, in order, in one Redis
 * list. The watermark is a position in that list, so any instance answers a poll and a reloaded
 * page reads the whole conversation again.
 */
export class WebChatConversations {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Opens the conversation (idempotent); true when this call opened it. */
  async open(conversationId: string, at: Date): Promise<boolean> {
    const key = this.keys.webChatConversation(conversationId);
    const results = await this.redis.multi().hsetnx(key, 'createdAt', at.toISOString()).expire(key, CONVERSATION_TTL_SECONDS).exec();
    return results?.[0]?.[1] === 1;
  }

  async exists(conversationId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.webChatConversation(conversationId))) === 1;
  }

  /** Appends one activity; answers its id. The id is its place in the list, never stored in it. */
  async append(conversationId: string, activity: StoredActivity): Promise<string> {
    const listKey = this.keys.webChatActivities(conversationId);
    const length = await this.redis.llen(listKey);
    if (length >= MAX_ACTIVITIES_PER_CONVERSATION) throw new ConversationFullError();
    const results = await this.redis
      .multi()
      .rpush(listKey, JSON.stringify({ type: activity.type ?? 'message', ...activity }))
      .expire(listKey, CONVERSATION_TTL_SECONDS)
      .expire(this.keys.webChatConversation(conversationId), CONVERSATION_TTL_SECONDS)
      .publish(this.keys.webChatActivityChannel(conversationId), '')
      .exec();
    const newLength = Number(results?.[0]?.[1]);
    return activityId(conversationId, newLength - 1);
  }

  /** The activities after `watermark` (a position; 0 = from the start), each with its id. */
  async readFrom(conversationId: string, watermark: number): Promise<ActivityPage> {
    return JSON.parse(await this.pageJson(conversationId, watermark)) as ActivityPage;
  }

  /**
   * The same page as Direct Line's JSON, built from the stored JSON without parsing it again: a poll
   * comes from every open chat every second, and most of its cost would otherwise be JSON.
   */
  async pageJson(conversationId: string, watermark: number): Promise<string> {
    const items = await this.redis.lrange(this.keys.webChatActivities(conversationId), watermark, watermark + PAGE_SIZE - 1);
    const activities = items.map((item, offset) => `{"id":${JSON.stringify(activityId(conversationId, watermark + offset))},${item.slice(1)}`);
    return `{"activities":[${activities.join(',')}],"watermark":"${watermark + items.length}"}`;
  }
}

/** Erasure: the web chat logs of erased chat conversations. */
export function chatDataEraser(redis: RedisClient, keys: Keys, webChatChannelId: string): (conversations: Array<{ channelId: string | null; conversationId: string | null }>) => Promise<void> {
  // One UNLINK per conversation: each one's keys share its hash tag, but different conversations
  // live in different Redis Cluster slots, which one pipeline cannot span.
  return async (conversations) => {
    const webChats = conversations.flatMap(({ channelId, conversationId }) => (channelId === webChatChannelId && conversationId ? [conversationId] : []));
    await Promise.all(webChats.map((conversationId) => redis.unlink(keys.webChatConversation(conversationId), keys.webChatActivities(conversationId))));
  };
}
