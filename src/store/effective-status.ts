import type { ResponseRecord, ResponseStatus } from './response-record.js';

/** A chat left unanswered this long is over: there is no call end to tell us. */
export const IDLE_SURVEY_MS = 30 * 60_000;

/** The status to report: an in-progress survey idle too long counts as partial (with a score) or abandoned. */
export function effectiveStatus(record: Pick<ResponseRecord, 'status' | 'score' | 'updatedAt'>, now: number): ResponseStatus {
  if (record.status !== 'in_progress') return record.status;
  const idleSince = Date.parse(record.updatedAt);
  if (Number.isNaN(idleSince) || now - idleSince < IDLE_SURVEY_MS) return 'in_progress';
  return record.score === null ? 'abandoned' : 'partial';
}
