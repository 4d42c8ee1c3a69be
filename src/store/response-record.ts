import type { NpsCategory } from '../survey/category.js';
import type { SurveyPosition } from '../survey/engine.js';
import type { Sentiment, TagId } from '../tagging/taxonomy.js';

export type Channel = 'voice' | 'chat' | 'sms' | 'whatsapp';
export const CHANNELS: readonly Channel[] = ['voice', 'chat', 'sms', 'whatsapp'];

export type ResponseStatus = 'in_progress' | 'completed' | 'partial' | 'abandoned' | 'opted_out';
export const TERMINAL_STATUSES: readonly ResponseStatus[] = ['completed', 'partial', 'abandoned', 'opted_out'];

export interface TranscriptTurn {
  at: string;
  speaker: 'bot' | 'customer';
  text: string;
  /** How the customer answered: keypad, speech or typed text. */
  via?: 'keys' | 'speech' | 'text';
  confidence?: number;
}

/** Who the survey is about, known before it starts (from the dialer, the chat channel or the simulator). */
export interface SurveySubject {
  customerName?: string;
  customerId?: string;
  agentName?: string;
  agentId?: string;
  campaignId?: string;
  contactId?: string;
  /** The customer's number on calls; kept for the do-not-call list and call-backs, masked in logs. */
  phone?: string;
}

export interface ResponseRecord extends SurveySubject {
  id: string;
  channel: Channel;
  conversationId: string;
  language: string;
  score: number | null;
  category: NpsCategory | null;
  reason: string | null;
  tags: TagId[];
  sentiment: Sentiment;
  status: ResponseStatus;
  transcript: TranscriptTurn[];
  createdAt: string;
  updatedAt: string;
  scoredAt: string | null;
  completedAt: string | null;
  /** Simulator responses: listed, but left out of every report. */
  test: boolean;
  /**
   * A web page claimed who this is about without a valid signature: its names are kept as typed,
   * but no customer id, agent or campaign was taken from it.
   */
  unverified?: true;
  recordingUrl?: string;
  /** Text invitations: Twilio's status when the invitation never reached the customer (`undelivered`, `failed`). */
  deliveryStatus?: string;
  taggerVersion?: string;
  /** Where the conversation waits for an answer; null once it ended. */
  position: SurveyPosition | null;
}
