import { UTC_CALENDAR, type ReportCalendar } from './report-calendar.js';

export interface DaySpan {
  /** Local days wholly inside [from, to), read from the day counters or roll-ups. */
  wholeDays: string[];
  /** Pieces of days at the edges, [start, end) in ms, read response by response. */
  partialRanges: Array<[number, number]>;
}

/** Splits [from, to) into whole local days of the calendar and the partial days at either end. */
export function splitIntoDays(from: number, to: number, calendar: ReportCalendar = UTC_CALENDAR): DaySpan {
  const span: DaySpan = { wholeDays: [], partialRanges: [] };
  if (to <= from) return span;
  let day = calendar.dayOf(from);
  if (calendar.dayStart(day) < from) day = calendar.addDays(day, 1);
  let dayStart = calendar.dayStart(day);
  const lastWholeEnd = calendar.startOfDay(to);
  if (dayStart >= lastWholeEnd) {
    span.partialRanges.push([from, to]);
    return span;
  }
  if (from < dayStart) span.partialRanges.push([from, dayStart]);
  while (dayStart < lastWholeEnd) {
    span.wholeDays.push(day);
    day = calendar.addDays(day, 1);
    dayStart = calendar.dayStart(day);
  }
  if (lastWholeEnd < to) span.partialRanges.push([lastWholeEnd, to]);
  return span;
}
