import type { CallStatusUpdate, OutboundCallContext } from '../dialer-hooks.js';
import type { AttemptCloser, AttemptEnding } from './attempt-closer.js';
import { attemptRefText, parseAttemptRef, type AttemptRef } from './contact-transitions.js';
import type { DialerDeps } from './dialer-deps.js';

/** The attempt a Twilio request is about, from the query the dialer put in the call's URLs. */
export function attemptFromQuery(query: Record<string, string>): AttemptRef | null {
  const { campaign, contact, attempt } = query;
  return campaign && contact && attempt ? parseAttemptRef(`${campaign}:${contact}:${attempt}`) : null;
}

export function isMachine(answeredBy: string | undefined): boolean {
  return answeredBy !== undefined && (answeredBy.startsWith('machine') || answeredBy === 'fax');
}

/** Twilio's final call statuses, as the contact's result; `completed` is refined by who answered. */
const ENDINGS: Record<string, Pick<AttemptEnding, 'result' | 'retryable'>> = {
  completed: { result: 'completed', retryable: false },
  busy: { result: 'busy', retryable: true },
  'no-answer': { result: 'noAnswer', retryable: true },
  failed: { result: 'failed', retryable: true },
  canceled: { result: 'failed', retryable: true },
};

/** What Twilio tells us about the calls the dialer placed: answers, progress, final statuses, opt-outs, machines. */
export class CallEvents {
  constructor(
    private readonly deps: DialerDeps,
    private readonly closer: AttemptCloser,
  ) {}

  /** /voice/incoming on a dialer call: the person (or a machine) answered. Personalises the survey and counts the answer. */
  async contextForCall(query: Record<string, string>, callSid: string): Promise<OutboundCallContext | null> {
    const ref = attemptFromQuery(query);
    if (!ref) return null;
    const contact = await this.deps.store.contact(ref.campaignId, ref.contactId);
    if (!contact) return null;
    await Promise.all([
      this.deps.transitions.noteProgress(ref, { result: 'inProgress', callSid }),
      this.deps.guards.recordAnswered(contact.phone, callSid, this.deps.clock()),
    ]);
    return {
      language: contact.language ?? this.deps.settings.defaultLanguage,
      subject: {
        ...(contact.name ? { customerName: contact.name } : {}),
        ...(contact.customerId ? { customerId: contact.customerId } : {}),
        ...(contact.agentId ? { agentId: contact.agentId } : {}),
        ...(contact.agentName ? { agentName: contact.agentName } : {}),
        campaignId: ref.campaignId,
        contactId: ref.contactId,
      },
      attemptId: attemptRefText(ref),
    };
  }

  async onCallStatus(update: CallStatusUpdate): Promise<void> {
    const ref = attemptFromQuery(update.query);
    if (!ref) return;
    const ending = ENDINGS[update.callStatus];
    if (!ending) {
      const progress = update.callStatus === 'in-progress' || update.callStatus === 'answered' ? 'inProgress' : update.callStatus === 'ringing' ? 'ringing' : undefined;
      await this.deps.transitions.noteProgress(ref, { ...(progress ? { result: progress } : {}), callSid: update.callSid, ...(update.answeredBy ? { answeredBy: update.answeredBy } : {}) });
      return;
    }
    const [campaign, fields] = await Promise.all([this.deps.store.get(ref.campaignId), this.deps.store.attemptFields(ref.campaignId, ref.contactId, ref.attempt)]);
    if (!campaign || !fields.contactId) return;
    const phone = fields.phone ?? '';
    if (fields.callSid && fields.callSid !== update.callSid) {
      this.deps.logger.error({ campaignId: ref.campaignId, contactId: ref.contactId, attempt: ref.attempt, callSid: update.callSid, recorded: fields.callSid }, 'status of a second call for one attempt');
      return;
    }
    const answeredBy = update.answeredBy ?? fields.answeredBy;
    let result = ending.result;
    if (result === 'completed') {
      await this.deps.guards.recordAnswered(phone, update.callSid, this.deps.clock());
      if (isMachine(answeredBy)) result = 'machine';
      else if (await this.deps.doNotCall.hasPhone(phone)) result = 'optedOut';
    }
    await this.closer.close(campaign, ref, {
      result,
      retryable: result === 'machine' || ending.retryable,
      apiFailure: false,
      callSid: update.callSid,
      ...(answeredBy ? { answeredBy } : {}),
    });
  }

  /** The opt-out key on a dialer call: the contact on this number's line is opted out for good. */
  async onOptOut(phone: string): Promise<void> {
    const ref = parseAttemptRef(await this.deps.guards.lineHolder(phone));
    if (ref) await this.deps.transitions.optOut(ref);
  }

  /**
   * Twilio's asynchronous answering-machine verdict. A machine hears the short message after its
   * beep (or nothing) and the call ends; the status callback then counts the attempt as `machine`.
   */
  async onMachineDetection(query: Record<string, string>, callSid: string, answeredBy: string): Promise<void> {
    const ref = attemptFromQuery(query);
    if (!ref) return;
    await this.deps.transitions.noteProgress(ref, { answeredBy, callSid });
    if (!isMachine(answeredBy) || !this.deps.calls) return;
    const contact = await this.deps.store.contact(ref.campaignId, ref.contactId);
    const { settings } = this.deps;
    const language = contact?.language ?? settings.defaultLanguage;
    const twiml = settings.machineMessage && answeredBy !== 'fax' ? this.deps.machineMessage(language) : '<Response><Hangup/></Response>';
    await this.deps.calls.redirect(callSid, twiml);
  }
}
