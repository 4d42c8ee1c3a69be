import { DelayedError, type Job } from 'bullmq';
import type { Logger } from '../src/logging/logger.js';
import { maskPhone } from '../src/logging/mask.js';
import type { DoNotCallList } from '../src/store/do-not-call-list.js';
import type { TextInvitationSender } from '../src/survey/text-invitation.js';
import { LEGAL_HOURS, nextCallableTime } from '../voice/dialer/calling-window.js';
import type { ContactSurveyJobData } from './contact-survey-queue.js';
import type { ContactSurvey, ContactSurveyStore, SurveyDelivery } from './contact-survey-store.js';
import type { SurveyCalls } from './survey-calls.js';

export interface SenderDeps {
  store: ContactSurveyStore;
  doNotCall: DoNotCallList;
  calls: SurveyCalls;
  texts: TextInvitationSender | undefined;
  clock: () => Date;
  logger: Logger;
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
      await job.moveToDelayed(Date.now() + (opening.getTime() - now.getTime()), token);
      throw new DelayedError();
    }
    if (!(await store.startDelivery(survey.contactId, survey.channel, now))) return 'already-sent';
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

  private async onList(survey: ContactSurvey): Promise<boolean> {
    const { doNotCall } = this.deps;
    if (survey.phone && (await doNotCall.hasPhone(survey.phone))) return true;
    return survey.customerId !== undefined && (await doNotCall.hasCustomer(survey.customerId));
  }
}
