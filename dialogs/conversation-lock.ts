import { randomUUID } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import type { ClientContext, Redis, Result } from 'ioredis';
import { chatResponseId } from './chat-conversation.js';

const RELEASE_LUA = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    releaseConversationLock(key: string, token: string): Result<number, Context>;
  }
}

export class ConversationBusyError extends Error {
  constructor() {
    super('another turn of this conversation is still running');
    this.name = 'ConversationBusyError';
  }
}

export interface ConversationLockOptions {
  lockKey: (conversationKey: string) => string;
  /** A crashed holder's lock expires after this long. */
  leaseMs: number;
  /** How long a turn waits for the one before it. */
  waitMs: number;
}

/**
 * Runs the turns of one conversation one at a time, across every instance: BotState saves with
 * eTag '*', so two overlapping turns would otherwise overwrite each other's dialog state.
 */
export class ConversationLockMiddleware implements Middleware {
  constructor(
    private readonly redis: Redis,
    private readonly options: ConversationLockOptions,
  ) {
    if (typeof redis.releaseConversationLock !== 'function') redis.defineCommand('releaseConversationLock', { numberOfKeys: 1, lua: RELEASE_LUA });
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) return next();
    const key = this.options.lockKey(chatResponseId(context.activity.channelId ?? 'unknown', conversationId));
    const token = randomUUID();
    await this.acquire(key, token);
    try {
      await next();
    } finally {
      await this.redis.releaseConversationLock(key, token);
    }
  }

  private async acquire(key: string, token: string): Promise<void> {
    const giveUpAt = Date.now() + this.options.waitMs;
    let pause = 5;
    for (;;) {
      if ((await this.redis.set(key, token, 'PX', this.options.leaseMs, 'NX')) === 'OK') return;
      if (Date.now() >= giveUpAt) throw new ConversationBusyError();
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 100);
    }
  }
}
