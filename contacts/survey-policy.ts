import { createHash } from 'node:crypto';
import type { PolicyOverride, SurveyChannel } from './contact-request.js';

/** When and whether a contact is surveyed. */
export interface SurveyPolicy {
  delayMinutes: number;
  /** Share of contacts surveyed, 0-100, chosen by the contact id (the same contact always falls the same way). */
  samplePercent: number;
  /** No second survey for the same customer id or number within this many days, on any channel. */
  minDaysBetween: number;
  /** Where a survey goes when the contact's channel is `any` or `chat`, in order of preference. */
  channels: SurveyChannel[];
}

export interface PolicyConfig {
  SURVEY_DELAY_MINUTES: number;
  SURVEY_SAMPLE_PERCENT: number;
  SURVEY_MIN_DAYS_BETWEEN: number;
  SURVEY_CHANNELS: SurveyChannel[];
}

export function policyFromConfig(config: PolicyConfig): SurveyPolicy {
  return {
    delayMinutes: config.SURVEY_DELAY_MINUTES,
    samplePercent: config.SURVEY_SAMPLE_PERCENT,
    minDaysBetween: config.SURVEY_MIN_DAYS_BETWEEN,
    channels: [...config.SURVEY_CHANNELS],
  };
}

export function withOverrides(policy: SurveyPolicy, override: PolicyOverride | undefined): SurveyPolicy {
  if (!override) return policy;
  return {
    delayMinutes: override.delayMinutes ?? policy.delayMinutes,
    samplePercent: override.samplePercent ?? policy.samplePercent,
    minDaysBetween: override.minDaysBetween ?? policy.minDaysBetween,
    channels: override.channels ? [...new Set(override.channels)] : policy.channels,
  };
}

/**
 * The contact's place in 0 ≤ x < 100, from the SHA-256 of its id: stable across instances and
 * restarts, so asking again never flips a sampled-out contact in (or the other way round).
 */
export function samplePosition(contactId: string): number {
  const digest = createHash('sha256').update(contactId).digest();
  return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
}

export function sampledIn(contactId: string, samplePercent: number): boolean {
  return samplePosition(contactId) < samplePercent;
}

/** The survey's id (also its job id): stable for a contact id, without its characters. */
export function surveyIdOf(contactId: string): string {
  return `cs${createHash('sha256').update(contactId).digest('hex').slice(0, 20)}`;
}
