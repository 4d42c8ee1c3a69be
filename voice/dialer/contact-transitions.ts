import type { ClientContext, Result } from 'ioredis';
import type { RedisClient } from '../../src/redis/redis-client.js';
import type { Keys } from '../../src/redis/keys.js';
import type { ContactState } from '../campaigns/campaign-types.js';
import { defineLuaCommands } from '../../src/redis/lua-commands.js';

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext = { type: 'default' }> {
    dialerClaimAttempt(k1: string, k2: string, k3: string, k4: string, ...args: string[]): Result<string, Context>;
    dialerRecordCall(k1: string, k2: string, callSid: string): Result<string | null, Context>;
    dialerNoteProgress(k1: string, result: string, answeredBy: string, callSid: string): Result<number, Context>;
    dialerFinishAttempt(k1: string, k2: string, k3: string, ...args: string[]): Result<string, Context>;
    dialerOptOut(k1: string, k2: string, k3: string): Result<number, Context>;
    dialerSettleQueued(k1: string, k2: string, to: string): Result<number, Context>;
    dialerMarkUnconfirmed(k1: string, error: string): Result<number, Context>;
    dialerEraseContact(k1: string, k2: string): Result<number, Context>;
    dialerStartTextAttempt(k1: string, k2: string, k3: string, ...args: string[]): Result<string, Context>;
  }
}

/** Which attempt of which contact: also the value of a number's line lock and of the in-progress set. */
export interface AttemptRef {
  campaignId: string;
  contactId: string;
  attempt: number;
}

export function attemptRefText(ref: AttemptRef): string {
  return `${ref.campaignId}:${ref.contactId}:${ref.attempt}`;
}

export function parseAttemptRef(text: string | null | undefined): AttemptRef | null {
  const match = /^([0-9a-f]{12}):(\d{1,9}):(\d{1,3})$/.exec(text ?? '');
  return match?.[1] && match[2] && match[3] ? { campaignId: match[1], contactId: match[2], attempt: Number(match[3]) } : null;
}

export interface AttemptStart {
  phone: string;
  timezone: string;
  localTime: string;
  at: Date;
}

export type FinishOutcome = 'missing' | 'duplicate' | 'attempt-only' | 'retry' | 'final';

export interface AttemptEnd {
  result: Exclude<ContactState, 'queued' | 'dialing'>;
  error?: string;
  callSid?: string;
  answeredBy?: string;
  endedAt: Date;
  /** May the contact be tried again after this result (no-answer, busy, machine, failed)? */
  retryable: boolean;
  /** The attempt failed at Twilio's API, not at the person's phone. */
  apiFailure: boolean;
  maxAttempts: number;
  maxApiFailures: number;
  dueAt: number;
}

/**
 * Every change of a contact's state, each one an atomic Lua script (the `.lua` files beside this
 * module). Every script touches keys of one campaign only (they share the campaign's hash tag).
 */
export class ContactTransitions {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {
    defineLuaCommands(redis, import.meta.url, [
      { name: 'dialerClaimAttempt', file: 'claim-attempt.lua', numberOfKeys: 4 },
      { name: 'dialerRecordCall', file: 'record-call.lua', numberOfKeys: 2 },
      { name: 'dialerNoteProgress', file: 'note-progress.lua', numberOfKeys: 1 },
      { name: 'dialerFinishAttempt', file: 'finish-attempt.lua', numberOfKeys: 3 },
      { name: 'dialerOptOut', file: 'opt-out.lua', numberOfKeys: 3 },
      { name: 'dialerSettleQueued', file: 'settle-queued.lua', numberOfKeys: 2 },
      { name: 'dialerMarkUnconfirmed', file: 'mark-unconfirmed.lua', numberOfKeys: 1 },
      { name: 'dialerEraseContact', file: 'erase-contact.lua', numberOfKeys: 2 },
      { name: 'dialerStartTextAttempt', file: 'start-text-attempt.lua', numberOfKeys: 3 },
    ]);
  }

  private attemptKey(ref: AttemptRef): string {
    return this.keys.campaignAttempt(ref.campaignId, ref.contactId, ref.attempt);
  }

  async claim(ref: AttemptRef, start: AttemptStart): Promise<string> {
    const { campaignId, contactId } = ref;
    return this.redis.dialerClaimAttempt(
      this.keys.campaignContact(campaignId, contactId),
      this.keys.campaignCounts(campaignId),
      this.attemptKey(ref),
      this.keys.campaignAttempts(campaignId),
      String(ref.attempt),
      contactId,
      start.phone,
      start.timezone,
      start.localTime,
      start.at.toISOString(),
      String(Date.now()),
    );
  }

  /** Returns the CallSid the attempt keeps (the first one recorded). */
  async recordCall(ref: AttemptRef, callSid: string): Promise<string | null> {
    return this.redis.dialerRecordCall(this.keys.campaignContact(ref.campaignId, ref.contactId), this.attemptKey(ref), callSid);
  }

  async noteProgress(ref: AttemptRef, progress: { result?: string; answeredBy?: string; callSid?: string }): Promise<void> {
    await this.redis.dialerNoteProgress(this.attemptKey(ref), progress.result ?? '', progress.answeredBy ?? '', progress.callSid ?? '');
  }

  async markUnconfirmed(ref: AttemptRef, error: string): Promise<void> {
    await this.redis.dialerMarkUnconfirmed(this.attemptKey(ref), error);
  }

  async finish(ref: AttemptRef, end: AttemptEnd): Promise<FinishOutcome> {
    const { campaignId, contactId } = ref;
    return (await this.redis.dialerFinishAttempt(
      this.keys.campaignContact(campaignId, contactId),
      this.keys.campaignCounts(campaignId),
      this.attemptKey(ref),
      String(ref.attempt),
      end.result,
      end.error ?? '',
      end.endedAt.toISOString(),
      end.callSid ?? '',
      end.answeredBy ?? '',
      end.retryable ? '1' : '0',
      end.apiFailure ? '1' : '0',
      String(end.maxAttempts),
      String(end.maxApiFailures),
      String(end.dueAt),
    )) as FinishOutcome;
  }

  async optOut(ref: AttemptRef): Promise<boolean> {
    const { campaignId, contactId } = ref;
    return (await this.redis.dialerOptOut(this.keys.campaignContact(campaignId, contactId), this.keys.campaignCounts(campaignId), this.attemptKey(ref))) === 1;
  }

  /** A queued contact that will never be dialled, e.g. its number is on the do-not-call list. */
  async settleQueued(campaignId: string, contactId: string, to: ContactState): Promise<boolean> {
    return (await this.redis.dialerSettleQueued(this.keys.campaignContact(campaignId, contactId), this.keys.campaignCounts(campaignId), to)) === 1;
  }

  /** A text invitation as the contact's next audit line; false when that attempt exists already. */
  async startTextAttempt(ref: AttemptRef, start: AttemptStart, channel: 'sms' | 'whatsapp'): Promise<boolean> {
    const reply = await this.redis.dialerStartTextAttempt(
      this.keys.campaignContact(ref.campaignId, ref.contactId),
      this.attemptKey(ref),
      this.keys.campaignAttempts(ref.campaignId),
      String(ref.attempt),
      ref.contactId,
      start.phone,
      start.timezone,
      start.localTime,
      start.at.toISOString(),
      channel,
    );
    return reply === 'ok';
  }

  /** A claimed attempt of a text campaign: its audit line says which channel, and that it is being sent. */
  async markTextAttempt(ref: AttemptRef, channel: 'sms' | 'whatsapp'): Promise<void> {
    await this.redis.hset(this.attemptKey(ref), { channel, result: 'sending' });
  }

  async finishTextAttempt(ref: AttemptRef, end: { result: 'invited' | 'failed'; endedAt: Date; messageSid?: string; segments?: number; error?: string }): Promise<void> {
    await this.redis.hset(this.attemptKey(ref), {
      final: '1',
      result: end.result,
      endedAt: end.endedAt.toISOString(),
      ...(end.messageSid ? { messageSid: end.messageSid } : {}),
      ...(end.segments !== undefined ? { segments: String(end.segments) } : {}),
      ...(end.error ? { error: end.error } : {}),
    });
  }

  /** Erasure on request: returns the attempts the contact had (each audit line holds the number), or null when it does not exist. */
  async erase(campaignId: string, contactId: string): Promise<number | null> {
    const attempts = await this.redis.dialerEraseContact(this.keys.campaignContact(campaignId, contactId), this.keys.campaignCounts(campaignId));
    return attempts < 0 ? null : attempts;
  }
}
