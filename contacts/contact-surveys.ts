import type { Logger } from '../src/logging/logger.js';
import type { Keys } from '../src/redis/keys.js';
import type { RedisClient } from '../src/redis/redis-client.js';
import type { DoNotCallList } from '../src/store/do-not-call-list.js';
import type { TextInvitationSender } from '../src/survey/text-invitation.js';
import type { ContactChannel, ContactEnded, SurveyChannel } from './contact-request.js';
import { nextLegalTime } from './contact-survey-sender.js';
import type { ContactSurveyQueue } from './contact-survey-queue.js';
import type { ContactDecision, ContactSurvey, ContactSurveyStore, SkipReason, SurveyDelivery } from './contact-survey-store.js';
import { hasResponseNear } from './recent-responses.js';
import { sampledIn, surveyIdOf, withOverrides, type SurveyPolicy } from './survey-policy.js';
import type { SurveyCalls } from './survey-calls.js';

export interface ContactSurveysDeps {
  redis: RedisClient;
  keys: Keys;
  store: ContactSurveyStore;
  queue: ContactSurveyQueue;
  doNotCall: DoNotCallList;
  calls: SurveyCalls;
  texts: TextInvitationSender | undefined;
  policy: SurveyPolicy;
  clock: () => Date;
  defaultLanguage: string;
  /** The zone of a contact that names none (REPORT_TIME_ZONE). */
  defaultTimezone: string;
  logger: Logger;
}

export interface ContactSurveyView extends ContactSurvey {
  delivery: SurveyDelivery | null;
}

const DAY_MS = 24 * 3600 * 1000;

function answerOf(survey: ContactSurvey): ContactDecision {
  return { id: survey.id, decision: survey.decision, ...(survey.reason ? { reason: survey.reason } : {}), ...(survey.surveyAt ? { surveyAt: survey.surveyAt } : {}) };
}

/**
 * A survey after every contact: decides once per contact id whether and when to survey, on which
 * channel, and schedules the sending as a delayed job. Skips say why: on the do-not-call list, no
 * reachable channel, sampled out, or surveyed recently: a survey after another contact, or any
 * survey response (chat, a campaign call, a text) of the same customer id or number.
 */
export class ContactSurveys {
  constructor(private readonly deps: ContactSurveysDeps) {}

  get queue(): ContactSurveyQueue {
    return this.deps.queue;
  }

  async contactEnded(request: ContactEnded): Promise<ContactDecision> {
    const { store, clock } = this.deps;
    const existing = await store.get(request.contactId);
    if (existing) {
      // A crash between storing the decision and adding its job leaves no job; adding it again is harmless (same id, sent once).
      if (existing.decision === 'scheduled') await this.schedule(existing);
      return answerOf(existing);
    }
    const policy = withOverrides(this.deps.policy, request.policy);
    const now = clock();
    const base: ContactSurvey = {
      id: surveyIdOf(request.contactId),
      contactId: request.contactId,
      decision: 'skipped',
      contactChannel: request.channel,
      language: request.language ?? this.deps.defaultLanguage,
      timezone: request.timezone ?? this.deps.defaultTimezone,
      endedAt: new Date(request.endedAt).toISOString(),
      decidedAt: now.toISOString(),
      ...(request.phone ? { phone: request.phone } : {}),
      ...(request.customerId ? { customerId: request.customerId } : {}),
      ...(request.customerName ? { customerName: request.customerName } : {}),
      ...(request.agentId ? { agentId: request.agentId } : {}),
      ...(request.agentName ? { agentName: request.agentName } : {}),
    };
    const skip = async (reason: SkipReason): Promise<ContactDecision> => answerOf((await store.decideOnce({ ...base, decision: 'skipped', reason })).survey);

    if (await this.onList(base)) return skip('do-not-call');
    const channel = this.reachableChannel(request.channel, base.phone, policy.channels);
    if (!channel) return skip('no-reachable-channel');
    if (!sampledIn(request.contactId, policy.samplePercent)) return skip('sampled-out');
    const due = new Date(Math.max(new Date(request.endedAt).getTime() + policy.delayMinutes * 60_000, now.getTime()));
    const surveyAt = nextLegalTime(due, base.timezone);
    const who = { customerId: base.customerId, phone: base.phone };
    if (await hasResponseNear(this.deps.redis, this.deps.keys, who, surveyAt, policy.minDaysBetween * DAY_MS)) return skip('surveyed-recently');
    if (!(await store.claimFatigue(base.id, who, surveyAt, policy.minDaysBetween))) return skip('surveyed-recently');
    const { stored, survey } = await store.decideOnce({ ...base, decision: 'scheduled', channel, surveyAt: surveyAt.toISOString() });
    if (stored) await this.schedule(survey);
    return answerOf(survey);
  }

  async view(contactId: string): Promise<ContactSurveyView | null> {
    const survey = await this.deps.store.get(contactId);
    return survey ? { ...survey, delivery: await this.deps.store.delivery(contactId) } : null;
  }

  /** Erasure on request; answers how many decisions lost the customer's details. */
  eraseCustomer(who: { customerId?: string | undefined; phone?: string | undefined }): Promise<number> {
    return this.deps.store.eraseCustomer(who);
  }

  private async schedule(survey: ContactSurvey): Promise<void> {
    const delayMs = Date.parse(survey.surveyAt ?? '') - this.deps.clock().getTime();
    await this.deps.queue.add(survey.id, survey.contactId, Number.isFinite(delayMs) ? delayMs : 0);
  }

  /** `any` and `chat` (a chat cannot be reopened from our side) take the policy's order; others only themselves. */
  private reachableChannel(requested: ContactChannel, phone: string | undefined, order: SurveyChannel[]): SurveyChannel | null {
    const candidates: SurveyChannel[] = requested === 'any' || requested === 'chat' ? order : [requested];
    return candidates.find((channel) => this.reachable(channel, phone)) ?? null;
  }

  private reachable(channel: SurveyChannel, phone: string | undefined): boolean {
    if (!phone) return false;
    if (channel === 'voice') return this.deps.calls.available && this.deps.calls.dialable(phone);
    return this.deps.texts !== undefined;
  }

  private async onList(survey: ContactSurvey): Promise<boolean> {
    const { doNotCall } = this.deps;
    if (survey.phone && (await doNotCall.hasPhone(survey.phone))) return true;
    return survey.customerId !== undefined && (await doNotCall.hasCustomer(survey.customerId));
  }
}
