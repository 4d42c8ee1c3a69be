import { DelayedError, type Job } from 'bullmq';
import type { Campaign, Contact } from '../campaigns/campaign-types.js';
import { toDialable } from '../campaigns/contact-fields.js';
import type { AttemptCloser } from './attempt-closer.js';
import { isCallable, localTimeAt, nextCallableTime } from './calling-window.js';
import { attemptRefText, type AttemptRef } from './contact-transitions.js';
import type { DialJobData } from './dial-queues.js';
import type { DeferralReason, DialerDeps } from './dialer-deps.js';
import { paceFor } from './pacer.js';
import { CallRejectedError, type CallsApi } from './twilio-calls.js';

const DAY_MS = 24 * 3600 * 1000;

function isTextCampaign(campaign: Campaign): boolean {
  return campaign.channel === 'sms' || campaign.channel === 'whatsapp';
}

/** Resolves true after `ms`, or false as soon as `signal` fires. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function callUrls(publicUrl: string, ref: AttemptRef, machineDetection: boolean): { url: string; statusCallback: string; machineDetectionCallback?: string } {
  const query = new URLSearchParams({ campaign: ref.campaignId, contact: ref.contactId, attempt: String(ref.attempt) }).toString();
  return {
    url: `${publicUrl}/voice/incoming?${query}`,
    statusCallback: `${publicUrl}/voice/status?${query}`,
    ...(machineDetection ? { machineDetectionCallback: `${publicUrl}/voice/amd?${query}` } : {}),
  };
}

/**
 * One dial job: one attempt at one contact. Every guard is checked when the call is about to be
 * placed, not when the contact was imported: the do-not-call list, the window and legal hours in the
 * contact's own zone, the 30-day limit, one call per number, the cap on calls in progress and the pace.
 * Twilio's Calls API is not idempotent, so the attempt's marker is stored before the create and a
 * create with a lost answer is reconciled against Twilio before anything is dialled again.
 */
export class DialJob {
  constructor(
    private readonly deps: DialerDeps,
    private readonly closer: AttemptCloser,
  ) {}

  async run(job: Job<DialJobData>, token: string | undefined, stopping: AbortSignal): Promise<string> {
    const outcome = await this.decide(job, token, stopping);
    this.deps.onJobOutcome?.({ ...job.data, outcome });
    return outcome;
  }

  private async decide(job: Job<DialJobData>, token: string | undefined, stopping: AbortSignal): Promise<string> {
    const { store } = this.deps;
    const { campaignId, contactId, attempt } = job.data;
    const ref: AttemptRef = { campaignId, contactId, attempt };
    const [campaign, contact] = await Promise.all([store.get(campaignId), store.contact(campaignId, contactId)]);
    if (!campaign || !contact) return 'gone';
    if (contact.state === 'dialing' && contact.attempts === attempt) return isTextCampaign(campaign) ? this.reconcileText(campaign, ref) : this.reconcile(campaign, contact, ref);
    if (contact.state === 'dialing' && contact.attempts === attempt - 1) return this.later(job, token, this.deps.settings.tuning.lineBusyRecheckMs, 'line-busy');
    if (contact.state !== 'queued' || contact.attempts !== attempt - 1) return 'stale';
    if (campaign.status !== 'running') return this.later(job, token, this.deps.settings.tuning.pausedRecheckMs, 'paused');
    if (await this.onDoNotCallList(contact)) {
      await this.deps.transitions.settleQueued(campaignId, contactId, 'optedOut');
      return 'do-not-call';
    }
    const wait = await this.waitBeforeCalling(campaign, contact);
    if (wait > 0) return this.later(job, token, wait, 'not-yet');
    if (isTextCampaign(campaign)) return this.inviteWhenPaced(job, token, stopping, campaign, contact, ref);
    return this.dialWhenPaced(job, token, stopping, campaign, contact, ref);
  }

  /**
   * A text campaign's attempt: the same checks, window and pace as a call, without the line and the
   * cap on calls in progress; one invitation through the messaging channel's port, at most once.
   */
  private async inviteWhenPaced(job: Job<DialJobData>, token: string | undefined, stopping: AbortSignal, campaign: Campaign, contact: Contact, ref: AttemptRef): Promise<string> {
    const { pacer, settings, transitions } = this.deps;
    const texts = this.deps.texts;
    if (!texts) return this.later(job, token, settings.tuning.pausedRecheckMs, 'paused');
    const pace = paceFor(campaign.callsPerSecond, settings.tuning.pacingMarginMs);
    const slot = await pacer.reserveSlot(campaign.id, pace);
    if (!slot.reserved) return this.later(job, token, slot.waitMs, 'pace');
    if (!(await sleep(slot.waitMs, stopping))) return this.later(job, token, 0, 'stopping');
    const blocked = await this.blockedNow(campaign, contact);
    if (blocked !== null) {
      if (blocked === 'do-not-call' || blocked === 'not-dialable') {
        await transitions.settleQueued(campaign.id, contact.id, blocked === 'do-not-call' ? 'optedOut' : 'failed');
        return blocked;
      }
      return blocked === 'paused' ? this.later(job, token, settings.tuning.pausedRecheckMs, 'paused') : this.later(job, token, await this.waitBeforeCalling(campaign, contact), 'not-yet');
    }
    const now = this.deps.clock();
    const claimed = await transitions.claim(ref, { phone: contact.phone, timezone: contact.timezone, localTime: localTimeAt(now, contact.timezone), at: now });
    if (claimed !== 'ok') return `not-claimed:${claimed}`;
    const channel = campaign.channel === 'whatsapp' ? 'whatsapp' : 'sms';
    await transitions.markTextAttempt(ref, channel);
    for (let waitMs = await pacer.takeCall(campaign.id, pace); waitMs > 0; waitMs = await pacer.takeCall(campaign.id, pace)) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    let ending: { result: 'completed' | 'optedOut' | 'failed'; error?: string; messageSid?: string; segments?: number };
    try {
      const sent = await texts.invite({
        channel,
        phone: contact.phone,
        language: contact.language ?? settings.defaultLanguage,
        timezone: contact.timezone,
        campaignId: campaign.id,
        contactId: contact.id,
        ...(contact.name ? { customerName: contact.name } : {}),
        ...(contact.customerId ? { customerId: contact.customerId } : {}),
        ...(contact.agentId ? { agentId: contact.agentId } : {}),
        ...(contact.agentName ? { agentName: contact.agentName } : {}),
      });
      ending = sent.sent
        ? { result: 'completed', messageSid: sent.messageSid, segments: sent.segments }
        : { result: sent.reason === 'do-not-call' ? 'optedOut' : 'failed', error: `${channel} invitation not sent: ${sent.reason}${sent.detail ? ` (${sent.detail.slice(0, 200)})` : ''}` };
    } catch (error) {
      // At most once: an invitation whose outcome is unknown is not sent again.
      ending = { result: 'failed', error: `${channel} invitation failed: ${(error instanceof Error ? error.message : String(error)).slice(0, 200)}` };
    }
    await this.closer.close(campaign, ref, { result: ending.result, retryable: false, apiFailure: false, ...(ending.error ? { error: ending.error } : {}) });
    if (ending.result === 'completed') await transitions.finishTextAttempt(ref, { result: 'invited', endedAt: this.deps.clock(), ...(ending.messageSid ? { messageSid: ending.messageSid } : {}), ...(ending.segments !== undefined ? { segments: ending.segments } : {}) });
    return ending.result === 'completed' ? 'invited' : ending.result;
  }

  /** A text attempt found claimed but unfinished (a crash mid-send): it is never sent again. */
  private async reconcileText(campaign: Campaign, ref: AttemptRef): Promise<string> {
    const fields = await this.deps.store.attemptFields(ref.campaignId, ref.contactId, ref.attempt);
    if (!fields.contactId) return 'gone';
    if (fields.final) return 'already-sent';
    if (Date.now() - Number(fields.startedMs ?? 0) <= this.deps.settings.tuning.orphanAfterMs) return 'in-flight';
    await this.closer.close(campaign, ref, { result: 'failed', error: 'the instance sending the invitation stopped; it is not sent twice', retryable: false, apiFailure: false });
    return 'not-sent';
  }

  private async dialWhenPaced(job: Job<DialJobData>, token: string | undefined, stopping: AbortSignal, campaign: Campaign, contact: Contact, ref: AttemptRef): Promise<string> {
    const { pacer, guards, settings } = this.deps;
    const pace = paceFor(campaign.callsPerSecond, settings.tuning.pacingMarginMs);
    const slot = await pacer.reserveSlot(campaign.id, pace);
    if (!slot.reserved) return this.later(job, token, slot.waitMs, 'pace');
    if (!(await sleep(slot.waitMs, stopping))) return this.later(job, token, 0, 'stopping');

    const refText = attemptRefText(ref);
    if (!(await guards.takeLine(contact.phone, refText, settings.tuning.callLeaseMs))) return this.later(job, token, settings.tuning.lineBusyRecheckMs, 'line-busy');
    if (!(await guards.takeCallSlot(refText, settings.maxConcurrentCalls, settings.tuning.callLeaseMs))) {
      await guards.releaseLine(contact.phone, refText);
      return this.later(job, token, settings.tuning.capacityRecheckMs, 'capacity');
    }
    // Time passed while waiting for the slot: the campaign may be paused, the window closed, the number listed.
    const blocked = await this.blockedNow(campaign, contact);
    if (blocked !== null) {
      await this.closer.release(ref, contact.phone);
      if (blocked === 'do-not-call') {
        await this.deps.transitions.settleQueued(campaign.id, contact.id, 'optedOut');
        return blocked;
      }
      if (blocked === 'not-dialable') {
        await this.deps.transitions.settleQueued(campaign.id, contact.id, 'failed');
        this.deps.logger.warn({ campaignId: campaign.id, contactId: contact.id }, 'contact not called: its number is no longer one the dialer may call (ALLOWED_COUNTRIES or its type)');
        return blocked;
      }
      return blocked === 'paused' ? this.later(job, token, settings.tuning.pausedRecheckMs, 'paused') : this.later(job, token, await this.waitBeforeCalling(campaign, contact), 'not-yet');
    }
    const now = this.deps.clock();
    const claimed = await this.deps.transitions.claim(ref, { phone: contact.phone, timezone: contact.timezone, localTime: localTimeAt(now, contact.timezone), at: now });
    if (claimed !== 'ok') {
      await this.closer.release(ref, contact.phone);
      return `not-claimed:${claimed}`;
    }
    // The hard limit is taken last, as close as possible to the moment Twilio receives the create.
    // Its waits are a few milliseconds of jitter, not worth abandoning a claimed attempt for.
    for (let waitMs = await pacer.takeCall(campaign.id, pace); waitMs > 0; waitMs = await pacer.takeCall(campaign.id, pace)) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    return this.place(campaign, contact, ref);
  }

  /** The last look before the create. */
  private async blockedNow(campaign: Campaign, contact: Contact): Promise<'paused' | 'outside-window' | 'do-not-call' | 'not-dialable' | null> {
    const fresh = await this.deps.store.get(campaign.id);
    if (fresh?.status !== 'running') return 'paused';
    // Checked at import too; again here, as ALLOWED_COUNTRIES may have changed since.
    if (!toDialable(contact.phone, this.deps.settings.allowedCountries).ok) return 'not-dialable';
    if (!isCallable(this.deps.clock(), contact.timezone, campaign.window)) return 'outside-window';
    if (await this.onDoNotCallList(contact)) return 'do-not-call';
    return null;
  }

  private async place(campaign: Campaign, contact: Contact, ref: AttemptRef): Promise<string> {
    const { transitions, settings, logger } = this.deps;
    const calls = this.requireCalls();
    try {
      const callSid = await calls.place({ to: contact.phone, ...callUrls(settings.publicUrl, ref, settings.machineDetection) });
      await transitions.recordCall(ref, callSid);
      logger.info({ campaignId: ref.campaignId, contactId: ref.contactId, attempt: ref.attempt, callSid }, 'call placed');
      return 'placed';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof CallRejectedError) {
        await this.closer.close(campaign, ref, { result: 'failed', error: message, retryable: false, apiFailure: false });
        return 'rejected';
      }
      await transitions.markUnconfirmed(ref, message);
      await this.deps.pacer.backOff(campaign.id, settings.tuning.apiRetryBaseMs);
      logger.warn({ err: error, campaignId: ref.campaignId, contactId: ref.contactId, attempt: ref.attempt }, 'call create failed or timed out; reconciling before any retry');
      // BullMQ runs this job again after a backoff; that run finds the marker and reconciles.
      throw error;
    }
  }

  /** The attempt's marker exists: dial nothing; find out from Twilio whether the call exists. */
  private async reconcile(campaign: Campaign, contact: Contact, ref: AttemptRef): Promise<string> {
    const fields = await this.deps.store.attemptFields(ref.campaignId, ref.contactId, ref.attempt);
    if (!fields.contactId) return 'gone';
    if (fields.final || fields.callSid) return 'already-placed';
    const orphaned = fields.unconfirmed === '1' || Date.now() - Number(fields.startedMs ?? 0) > this.deps.settings.tuning.orphanAfterMs;
    if (!orphaned) return 'in-flight';
    const found = await this.requireCalls().callsTo(fields.phone ?? contact.phone, new Date(Number(fields.startedMs ?? 0) - 5000));
    if (found[0]) {
      await this.deps.transitions.recordCall(ref, found[0]);
      this.deps.logger.info({ campaignId: ref.campaignId, contactId: ref.contactId, attempt: ref.attempt, callSid: found[0] }, 'reconciled: Twilio had placed the call');
      return 'reconciled';
    }
    await this.closer.close(campaign, ref, { result: 'failed', error: fields.error ?? 'Twilio has no record of the call', retryable: true, apiFailure: true });
    return 'not-placed';
  }

  private requireCalls(): CallsApi {
    if (!this.deps.calls) throw new Error('Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER)');
    return this.deps.calls;
  }

  private async onDoNotCallList(contact: Contact): Promise<boolean> {
    const { doNotCall } = this.deps;
    if (await doNotCall.hasPhone(contact.phone)) return true;
    return contact.customerId !== undefined && (await doNotCall.hasCustomer(contact.customerId));
  }

  /** Ms until the contact may be called: its retry time, its window in its own zone and the 30-day limit. */
  private async waitBeforeCalling(campaign: Campaign, contact: Contact): Promise<number> {
    const now = this.deps.clock();
    let earliest = contact.dueAt && contact.dueAt > now.getTime() ? new Date(contact.dueAt) : now;
    // The 30-day limit counts answered calls; a text campaign's invitations are not calls.
    const limitLifts = isTextCampaign(campaign) ? null : await this.deps.guards.answeredLimitLiftsAt(contact.phone, now, this.deps.settings.maxAnsweredPer30Days);
    if (limitLifts && limitLifts > earliest) earliest = limitLifts;
    const opening = nextCallableTime(earliest, contact.timezone, campaign.window);
    return opening ? opening.getTime() - now.getTime() : DAY_MS;
  }

  private async later(job: Job<DialJobData>, token: string | undefined, ms: number, reason: DeferralReason): Promise<never> {
    const delayMs = Math.max(0, Math.round(ms));
    await job.moveToDelayed(Date.now() + delayMs, token);
    this.deps.onJobOutcome?.({ ...job.data, outcome: 'deferred', reason, delayMs });
    throw new DelayedError();
  }
}
