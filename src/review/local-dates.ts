import type { ReportCalendar } from '../reports/report-calendar.js';

const DATE_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

/**
 * A `from`/`to` given as a date alone names a day of the reports' time zone, so it starts at that
 * day's local midnight; one given as a time stays the instant it names. (The query schemas read a
 * date alone as UTC midnight; this corrects it once the calendar is known.)
 */
export function datesAsLocalDays<Filter extends { from?: Date | undefined; to?: Date | undefined }>(filter: Filter, raw: Record<string, unknown>, calendar: ReportCalendar): Filter {
  const local = { ...filter };
  for (const field of ['from', 'to'] as const) {
    const value = raw[field];
    if (typeof value === 'string' && DATE_ONLY.test(value) && local[field]) local[field] = new Date(calendar.dayStart(value.trim()));
  }
  return local;
}
