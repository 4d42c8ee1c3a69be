import type { MessageOverrides } from '../src/survey/messages/message-overrides.js';
import type { SurveySubject } from '../src/store/response-record.js';

/** What the dialer knows about a call it placed, read from the call's `Url` query. */
export interface OutboundCallContext {
  language: string;
  subject: SurveySubject;
  /** The dialer's attempt id, recorded on the response. */
  attemptId?: string;
}

export interface CallStatusUpdate {
  callSid: string;
  callStatus: string;
  answeredBy?: string;
  /** The query of the status callback URL the dialer set. */
  query: Record<string, string>;
}

/** The voice routes' view of the dialer; absent when no dialer runs. */
export interface DialerHooks {
  contextForCall(query: Record<string, string>, callSid: string): Promise<OutboundCallContext | null>;
  onCallStatus(update: CallStatusUpdate): Promise<void>;
  onOptOut?(phone: string): Promise<void>;
  /** The campaign's own wording (campaign create `messages`), if any. */
  campaignMessages?(campaignId: string): Promise<MessageOverrides | undefined>;
}
