import { DelayedError, type Job } from 'bullmq';
import type { Logger } from '../src/logging/logger.js';
import { maskPhone } from '../src/logging/mask.js';
import type { DoNotCallList } from '../src/store/do-not-call-list.js';
import type { TextInvitationSender } from '../src/survey/text-invitation.js';
import { LEGAL_HOURS, nextCallableTime } from '../voice/dialer/calling-window.js';
import { paceFor, type Pacer } from '../voice/dialer/pacer.js';
import type { ContactSurveyJobData } from './contact-survey-queue.js';
import type { ContactSurvey, ContactSurveyStore, SurveyDelivery } from './contact-survey-store.js';
import type { SurveyCalls } from './survey-calls.js';

/** The pace of text invitations after contacts, kept in Redis like a campaign's (`campaign:{contact-texts}:pace`). */
export const TEXT_PACE_ID = 'contact-texts';

export interface SenderDeps {
  pacer: Pacer;
  /** SURVEY_TEXTS_PER_SECOND, and the margin added to each second for clock jitter (the dialer's). */
  textsPerSecond: number;
  pacingMarginMs: number;
  store: ContactSurveyStore;
  doNotCall: DoNotCallList;
  calls: SurveyCalls;
  texts: TextInvitationSender | undefined;
  clock: () => Date;
  logger: Logger;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** The first moment at or after `at` inside the legal hours (08:00–21:00) in `zone`. */
export function nextLegalTime(at: Date, zone: string): Date {
  return nextCallableTime(at, zone, LEGAL_HOURS) ?? at;
}

/**
 * A scheduled survey when its time comes: the do-not-call list and the legal hours in the
 * customer's zone are checked again (a job outside them waits for the next opening), then the
 * survey is sent at most once: a call through the dialer, or a text invitation through the port.
 */
export class ContactSurveySender {
  constructor(private readonly deps: SenderDeps) {}

  async run(job: Job<ContactSurveyJobData>, token: string | undefined): Promise<string> {
    const { store, clock, logger } = this.deps;
    const survey = await store.get(job.data.contactId);
    if (!survey || survey.decision !== 'scheduled' || !survey.channel) return 'gone';
    if (await store.delivery(survey.contactId)) return 'already-sent';
    const now = clock();
    if (await this.onList(survey)) {
      await store.recordDelivery(survey.contactId, { result: 'do-not-call', channel: survey.channel, at: now.toISOString() });
      logger.info({ surveyId: survey.id }, 'survey after contact not sent: the customer is on the do-not-call list');
      return 'do-not-call';
    }
    const opening = nextLegalTime(now, survey.timezone);
    if (opening.getTime() > now.getTime()) {
      logger.info({ surveyId: survey.id, opensAt: opening.toISOString() }, 'survey after contact waits for the legal hours in the customer zone');
      return this.later(job, token, opening.getTime() - now.getTime());
    }
    // Calls are paced by the dialer; texts here, with the dialer's pacer: at most SURVEY_TEXTS_PER_SECOND in any second.
    const pace = paceFor(this.deps.textsPerSecond, this.deps.pacingMarginMs);
    if (survey.channel !== 'voice') {
      const slot = await this.deps.pacer.reserveSlot(TEXT_PACE_ID, pace);
      if (!slot.reserved) return this.later(job, token, slot.waitMs);
      await sleep(slot.waitMs);
    }
    if (!(await store.startDelivery(survey.contactId, survey.channel, now))) return 'already-sent';
    if (survey.channel !== 'voice') {
      for (let waitMs = await this.deps.pacer.takeCall(TEXT_PACE_ID, pace); waitMs > 0; waitMs = await this.deps.pacer.takeCall(TEXT_PACE_ID, pace)) await sleep(waitMs);
    }
    const delivery = await this.send(survey, now);
    await store.recordDelivery(survey.contactId, delivery);
    logger.info({ surveyId: survey.id, channel: survey.channel, result: delivery.result, phone: survey.phone ? maskPhone(survey.phone) : undefined }, 'survey after contact sent');
    return delivery.result;
  }

  private async send(survey: ContactSurvey, now: Date): Promise<SurveyDelivery> {
    const channel = survey.channel ?? 'voice';
    const base = { channel, at: now.toISOString() };
    if (!survey.phone) return { ...base, result: 'failed', detail: 'no phone number' };
    try {
      if (channel === 'voice') {
        const queued = await this.deps.calls.enqueue({
          contactId: survey.contactId,
          phone: survey.phone,
          timezone: survey.timezone,
          language: survey.language,
          ...(survey.customerId ? { customerId: survey.customerId } : {}),
          ...(survey.customerName ? { customerName: survey.customerName } : {}),
          ...(survey.agentId ? { agentId: survey.agentId } : {}),
          ...(survey.agentName ? { agentName: survey.agentName } : {}),
        });
        return { ...base, result: 'dialling', campaignId: queued.campaignId, campaignContactId: queued.campaignContactId };
      }
      if (!this.deps.texts) return { ...base, result: 'failed', detail: 'no text invitation sender is configured' };
      const sent = await this.deps.texts.invite({
        channel,
        phone: survey.phone,
        language: survey.language,
        timezone: survey.timezone,
        contactId: survey.contactId,
        ...(survey.customerId ? { customerId: survey.customerId } : {}),
        ...(survey.customerName ? { customerName: survey.customerName } : {}),
        ...(survey.agentId ? { agentId: survey.agentId } : {}),
        ...(survey.agentName ? { agentName: survey.agentName } : {}),
      });
      if (sent.sent) return { ...base, result: 'invited', messageSid: sent.messageSid, segments: String(sent.segments) };
      return { ...base, result: sent.reason, ...(sent.detail ? { detail: sent.detail } : {}) };
    } catch (error) {
      // At most once: a send whose outcome is unknown is not repeated (a second call or text is worse than none).
      this.deps.logger.warn({ err: error, surveyId: survey.id, channel }, 'survey after contact could not be sent');
      return { ...base, result: 'failed', detail: (error instanceof Error ? error.message : String(error)).slice(0, 300) };
    }
  }

  private async later(job: Job<ContactSurveyJobData>, token: string | undefined, ms: number): Promise<never> {
    await job.moveToDelayed(Date.now() + Math.max(0, Math.round(ms)), token);
    throw new DelayedError();
  }

  private async onList(survey: ContactSurvey): Promise<boolean> {
    const { doNotCall } = this.deps;
    if (survey.phone && (await doNotCall.hasPhone(survey.phone))) return true;
    return survey.customerId !== undefined && (await doNotCall.hasCustomer(survey.customerId));
  }
}
