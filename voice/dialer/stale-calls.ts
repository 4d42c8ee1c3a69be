import type { CallEvents } from './call-events.js';
import { parseAttemptRef } from './contact-transitions.js';
import type { DialerDeps } from './dialer-deps.js';

const FINAL_STATUSES = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * Calls whose final status callback never came (the service was down when Twilio sent it, say):
 * after a while their status is asked of Twilio and applied as if the callback had arrived, so the
 * contact is retried or settled and its number's line is freed. Applying a status twice changes
 * nothing, so several instances may sweep at once.
 */
export class StaleCallSweeper {
  private sweeping = false;

  constructor(
    private readonly deps: DialerDeps,
    private readonly events: CallEvents,
  ) {}

  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      return await this.sweepOnce();
    } finally {
      this.sweeping = false;
    }
  }

  private async sweepOnce(): Promise<number> {
    const { guards, store, calls, settings, logger } = this.deps;
    if (!calls) return 0;
    let settled = 0;
    for (const text of await guards.callsStartedBefore(settings.tuning.staleCallAfterMs, settings.tuning.callLeaseMs)) {
      const ref = parseAttemptRef(text);
      if (!ref) {
        await guards.releaseCallSlot(text);
        continue;
      }
      const fields = await store.attemptFields(ref.campaignId, ref.contactId, ref.attempt);
      if (!fields.contactId || fields.final) {
        await guards.releaseCallSlot(text);
        continue;
      }
      // Without a CallSid the create itself is in doubt; the dial job reconciles that.
      if (!fields.callSid) continue;
      try {
        const { status, answeredBy } = await calls.status(fields.callSid);
        if (!FINAL_STATUSES.has(status)) continue;
        const query = { campaign: ref.campaignId, contact: ref.contactId, attempt: String(ref.attempt) };
        await this.events.onCallStatus({ callSid: fields.callSid, callStatus: status, ...(answeredBy ? { answeredBy } : {}), query });
        settled += 1;
        logger.info({ ...ref, callSid: fields.callSid, status }, 'applied a final status Twilio never called back with');
      } catch (error) {
        logger.warn({ err: error, ...ref }, 'could not look up a call at Twilio; trying again later');
      }
    }
    return settled;
  }
}
