import { maskPhone } from '../../src/logging/mask.js';
import type { Campaign, ContactState } from '../campaigns/campaign-types.js';
import { isCallable, LEGAL_HOURS, localTimeAt } from './calling-window.js';
import type { AttemptRef } from './contact-transitions.js';
import type { DialerDeps } from './dialer-deps.js';

/** Call results a text may follow: nobody (or only a machine) took the call. */
const FALLS_BACK: readonly ContactState[] = ['noAnswer', 'machine'];

/**
 * `fallback: 'sms'`: when a contact's last call ends unanswered or at a machine, one SMS invitation
 * goes through the messaging channel's port, as the contact's next audit line. Not to a number or
 * customer on the do-not-call list, and not outside the legal hours in the contact's zone.
 */
export class TextFallback {
  constructor(private readonly deps: DialerDeps) {}

  async afterLastCall(campaign: Campaign, ref: AttemptRef, result: ContactState): Promise<void> {
    const { texts, store, doNotCall, transitions, clock, logger, settings } = this.deps;
    if (campaign.fallback !== 'sms' || !texts || !FALLS_BACK.includes(result)) return;
    const contact = await store.contact(ref.campaignId, ref.contactId);
    if (!contact) return;
    if ((await doNotCall.hasPhone(contact.phone)) || (contact.customerId !== undefined && (await doNotCall.hasCustomer(contact.customerId)))) return;
    const now = clock();
    if (!isCallable(now, contact.timezone, LEGAL_HOURS)) {
      logger.info({ campaignId: ref.campaignId, contactId: ref.contactId }, 'no sms fallback: the call ended outside the legal hours in the contact zone');
      return;
    }
    const textRef = { ...ref, attempt: ref.attempt + 1 };
    if (!(await transitions.startTextAttempt(textRef, { phone: contact.phone, timezone: contact.timezone, localTime: localTimeAt(now, contact.timezone), at: now }, 'sms'))) return;
    try {
      const sent = await texts.invite({
        channel: 'sms',
        phone: contact.phone,
        language: contact.language ?? settings.defaultLanguage,
        timezone: contact.timezone,
        campaignId: ref.campaignId,
        contactId: ref.contactId,
        ...(contact.name ? { customerName: contact.name } : {}),
        ...(contact.customerId ? { customerId: contact.customerId } : {}),
        ...(contact.agentId ? { agentId: contact.agentId } : {}),
        ...(contact.agentName ? { agentName: contact.agentName } : {}),
      });
      await transitions.finishTextAttempt(
        textRef,
        sent.sent
          ? { result: 'invited', endedAt: clock(), messageSid: sent.messageSid, segments: sent.segments }
          : { result: 'failed', endedAt: clock(), error: `sms invitation not sent: ${sent.reason}${sent.detail ? ` (${sent.detail.slice(0, 200)})` : ''}` },
      );
      logger.info({ campaignId: ref.campaignId, contactId: ref.contactId, phone: maskPhone(contact.phone), sent: sent.sent }, 'sms fallback after an unanswered call');
    } catch (error) {
      // Sent at most once: an invitation whose outcome is unknown is not repeated.
      await transitions.finishTextAttempt(textRef, { result: 'failed', endedAt: clock(), error: `sms invitation failed: ${(error instanceof Error ? error.message : String(error)).slice(0, 200)}` });
      logger.warn({ err: error, campaignId: ref.campaignId, contactId: ref.contactId }, 'sms fallback failed');
    }
  }
}
