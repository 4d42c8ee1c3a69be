const DAY_MS = 86_400_000;

export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function startOfUtcDay(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

export interface DaySpan {
  /** UTC days wholly inside [from, to), read from the day counters. */
  wholeDays: string[];
  /** Pieces of days at the edges, [start, end) in ms, read response by response. */
  partialRanges: Array<[number, number]>;
}

/** Splits [from, to) into whole UTC days and the partial days at either end. */
export function splitIntoDays(from: number, to: number): DaySpan {
  const span: DaySpan = { wholeDays: [], partialRanges: [] };
  if (to <= from) return span;
  const firstWholeStart = startOfUtcDay(from) === from ? from : startOfUtcDay(from) + DAY_MS;
  const lastWholeEnd = startOfUtcDay(to);
  if (firstWholeStart >= lastWholeEnd) {
    span.partialRanges.push([from, to]);
    return span;
  }
  if (from < firstWholeStart) span.partialRanges.push([from, firstWholeStart]);
  for (let day = firstWholeStart; day < lastWholeEnd; day += DAY_MS) span.wholeDays.push(utcDay(day));
  if (lastWholeEnd < to) span.partialRanges.push([lastWholeEnd, to]);
  return span;
}
