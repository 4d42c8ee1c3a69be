import type { Campaign } from '../campaigns/campaign-types.js';
import { nextCallableTime } from './calling-window.js';
import { attemptRefText, type AttemptEnd, type AttemptRef, type FinishOutcome } from './contact-transitions.js';
import type { DialerDeps } from './dialer-deps.js';
import { TextFallback } from './text-fallback.js';

/** Retries never come sooner than this, whatever the campaign says. */
const MIN_RETRY_DELAY_MS = 1000;

export type AttemptEnding = Pick<AttemptEnd, 'result' | 'error' | 'callSid' | 'answeredBy' | 'retryable' | 'apiFailure'>;

/**
 * Ends an attempt once: records its result, frees the number's line and the place among calls in
 * progress, and schedules the next attempt when a retry is allowed (inside the window only).
 */
export class AttemptCloser {
  private readonly fallback: TextFallback;

  constructor(private readonly deps: DialerDeps) {
    this.fallback = new TextFallback(deps);
  }

  async close(campaign: Campaign, ref: AttemptRef, ending: AttemptEnding): Promise<FinishOutcome> {
    const { store, transitions, queues, settings, clock } = this.deps;
    const [contact, attempt] = await Promise.all([store.contact(ref.campaignId, ref.contactId), store.attemptFields(ref.campaignId, ref.contactId, ref.attempt)]);
    if (!contact || !attempt.contactId) return 'missing';
    const phone = attempt.phone ?? contact.phone;
    if (attempt.final) {
      await this.release(ref, phone);
      return 'duplicate';
    }
    const now = clock();
    const retryAfterMs = campaign.retryAfterMinutes * 60_000;
    const delayMs = Math.max(MIN_RETRY_DELAY_MS, ending.apiFailure ? Math.min(retryAfterMs, settings.tuning.apiRetryBaseMs * 2 ** contact.apiFailures) : retryAfterMs);
    const dueAt = now.getTime() + delayMs;
    const budgetLeft = ending.apiFailure ? contact.apiFailures + 1 < settings.tuning.maxApiFailures : contact.placed < campaign.maxAttempts;
    const mayRetry = ending.retryable && budgetLeft && contact.state === 'dialing' && contact.attempts === ref.attempt;
    if (mayRetry) {
      // Queued before the state changes, so a crash between the two leaves a job, not a contact nobody will call.
      const opening = nextCallableTime(new Date(dueAt), contact.timezone, campaign.window) ?? new Date(dueAt);
      await queues.add(ref.campaignId, [{ contactId: ref.contactId, attempt: ref.attempt + 1, delayMs: opening.getTime() - now.getTime() }]);
    }
    const outcome = await transitions.finish(ref, {
      ...ending,
      endedAt: now,
      maxAttempts: campaign.maxAttempts,
      maxApiFailures: settings.tuning.maxApiFailures,
      dueAt,
    });
    await this.release(ref, phone);
    if (outcome === 'final') await this.fallback.afterLastCall(campaign, ref, ending.result);
    return outcome;
  }

  async release(ref: AttemptRef, phone: string): Promise<void> {
    const text = attemptRefText(ref);
    await Promise.all([this.deps.guards.releaseLine(phone, text), this.deps.guards.releaseCallSlot(text)]);
  }
}
