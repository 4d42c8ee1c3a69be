import { DateTime } from 'luxon';

/** A daily span of local time in minutes after midnight; `end` is exclusive and `start > end` crosses midnight. */
export interface DailyWindow {
  start: number;
  end: number;
}

/** The legal calling hours, 08:00 to 21:00 in the called person's own time zone. No campaign setting widens them. */
export const LEGAL_HOURS: DailyWindow = { start: 8 * 60, end: 21 * 60 };

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" → 570; anything else → null. */
export function parseClockTime(text: string): number | null {
  const match = CLOCK_TIME.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function crossesMidnight(window: DailyWindow): boolean {
  return window.start > window.end;
}

function contains(window: DailyWindow, minute: number): boolean {
  if (window.start === window.end) return false;
  return crossesMidnight(window) ? minute >= window.start || minute < window.end : minute >= window.start && minute < window.end;
}

/** The window split into spans that do not cross midnight. */
function spans(window: DailyWindow): DailyWindow[] {
  if (window.start === window.end) return [];
  return crossesMidnight(window)
    ? [
        { start: window.start, end: 24 * 60 },
        { start: 0, end: window.end },
      ]
    : [window];
}

/** Where the campaign's window and the legal hours overlap: the only minutes a call may start. */
export function callableSpans(window: DailyWindow): DailyWindow[] {
  const result: DailyWindow[] = [];
  for (const span of spans(window)) {
    const start = Math.max(span.start, LEGAL_HOURS.start);
    const end = Math.min(span.end, LEGAL_HOURS.end);
    if (start < end) result.push({ start, end });
  }
  return result;
}

function minuteOfDay(local: DateTime): number {
  return local.hour * 60 + local.minute;
}

/** May a call start at `at` for someone in `zone`? Both the campaign window and the legal hours must allow it. */
export function isCallable(at: Date, zone: string, window: DailyWindow): boolean {
  const minute = minuteOfDay(DateTime.fromJSDate(at, { zone }));
  return contains(window, minute) && contains(LEGAL_HOURS, minute);
}

/**
 * The first instant at or after `at` when a call may start in `zone`, or null when the window and
 * the legal hours never overlap. Days are walked in local time, so DST changes are respected.
 */
export function nextCallableTime(at: Date, zone: string, window: DailyWindow): Date | null {
  if (isCallable(at, zone, window)) return at;
  const allowed = callableSpans(window);
  if (allowed.length === 0) return null;
  const local = DateTime.fromJSDate(at, { zone });
  let best: DateTime | null = null;
  for (let day = 0; day <= 2 && best === null; day += 1) {
    const date = local.plus({ days: day }).startOf('day');
    for (const span of allowed) {
      const opening = date.set({ hour: Math.floor(span.start / 60), minute: span.start % 60 });
      if (opening.toMillis() > at.getTime() && (best === null || opening < best)) best = opening;
    }
  }
  return best ? best.toJSDate() : null;
}

/** The called person's wall-clock time with its offset, e.g. 2026-03-10T12:00:03-04:00. */
export function localTimeAt(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).startOf('second').toISO({ suppressMilliseconds: true }) ?? at.toISOString();
}
