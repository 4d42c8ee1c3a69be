import { describe, expect, it } from 'vitest';
import { callableSpans, isCallable, localTimeAt, nextCallableTime } from '../../voice/dialer/calling-window.js';
import { canonicalTimeZone, toE164 } from '../../voice/campaigns/contact-fields.js';
import { paceFor } from '../../voice/dialer/pacer.js';

const hours = (start: string, end: string): { start: number; end: number } => {
  const minutes = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
  return { start: minutes(start), end: minutes(end) };
};

describe('calling windows in the contact’s own time zone', () => {
  const nineToEight = hours('09:00', '20:00');

  it('when it is 08:59:59 or 20:00 local, then nobody may be called; at 09:00 and 19:59:59 they may', () => {
    expect(isCallable(new Date('2026-03-10T12:59:59Z'), 'America/New_York', nineToEight)).toBe(false);
    expect(isCallable(new Date('2026-03-10T13:00:00Z'), 'America/New_York', nineToEight)).toBe(true);
    expect(isCallable(new Date('2026-03-10T23:59:59Z'), 'America/New_York', nineToEight)).toBe(true);
    expect(isCallable(new Date('2026-03-11T00:00:00Z'), 'America/New_York', nineToEight)).toBe(false);
  });

  it('when the window is closed, then the next opening is the window start in the contact’s zone, across a DST change', () => {
    // 21:00 on Saturday 7 March in New York (EST); clocks go forward that night, so 09:00 on Sunday is 13:00Z.
    expect(nextCallableTime(new Date('2026-03-08T02:00:00Z'), 'America/New_York', nineToEight)?.toISOString()).toBe('2026-03-08T13:00:00.000Z');
    // 07:00 in Tokyo: opens at 09:00 the same day.
    expect(nextCallableTime(new Date('2026-03-09T22:00:00Z'), 'Asia/Tokyo', nineToEight)?.toISOString()).toBe('2026-03-10T00:00:00.000Z');
    const open = new Date('2026-03-10T16:00:00Z');
    expect(nextCallableTime(open, 'America/New_York', nineToEight)).toBe(open);
  });

  it('when a window crosses midnight, then only its part inside 08:00–21:00 is ever callable', () => {
    const evening = hours('20:00', '09:00');
    expect(callableSpans(evening)).toEqual([{ start: 20 * 60, end: 21 * 60 }, { start: 8 * 60, end: 9 * 60 }]);
    expect(isCallable(new Date('2026-03-11T00:30:00Z'), 'America/New_York', evening)).toBe(true); // 20:30
    expect(isCallable(new Date('2026-03-11T01:30:00Z'), 'America/New_York', evening)).toBe(false); // 21:30: legal hours win
    expect(isCallable(new Date('2026-03-11T11:00:00Z'), 'America/New_York', evening)).toBe(false); // 07:00
    expect(nextCallableTime(new Date('2026-03-11T01:30:00Z'), 'America/New_York', evening)?.toISOString()).toBe('2026-03-11T12:00:00.000Z'); // 08:00
    expect(callableSpans(hours('07:59', '12:00'))).toEqual([{ start: 8 * 60, end: 12 * 60 }]);
    expect(callableSpans(hours('21:00', '08:00'))).toEqual([]);
  });

  it('when the audit shows a local time, then it is the contact’s wall clock with its offset', () => {
    expect(localTimeAt(new Date('2026-03-10T16:00:03.456Z'), 'America/New_York')).toBe('2026-03-10T12:00:03-04:00');
    expect(localTimeAt(new Date('2026-03-10T16:00:03Z'), 'UTC')).toBe('2026-03-10T16:00:03Z');
  });
});

describe('contact fields', () => {
  it('when a number is written with spaces and brackets, then it is stored in E.164; without a country code or with an extension it is refused', () => {
    expect(toE164('+1 (555) 123-0001')).toEqual({ ok: true, value: '+15551230001' });
    expect(toE164('+44 20 7946 0000')).toEqual({ ok: true, value: '+442079460000' });
    expect(toE164('5551230001').ok).toBe(false);
    expect(toE164('+15551230001 ext. 5')).toEqual({ ok: false, error: 'phone must not carry an extension' });
    expect(toE164('+1555')).toEqual({ ok: false, error: 'phone has the wrong number of digits for its country' });
  });

  it('when a time zone is given in any letter case or as UTC, then its canonical IANA name is kept; offsets and unknown zones are refused', () => {
    expect(canonicalTimeZone('america/new_york')).toEqual({ ok: true, value: 'America/New_York' });
    expect(canonicalTimeZone('UTC')).toEqual({ ok: true, value: 'UTC' });
    expect(canonicalTimeZone('+05:00').ok).toBe(false);
    expect(canonicalTimeZone('Mars/Olympus_Mons').ok).toBe(false);
  });
});

describe('pace', () => {
  it('when a campaign asks for 4, 0.5 or 20 calls a second, then slots are spread evenly with the margin and at most that many fall in a second', () => {
    expect(paceFor(4, 25)).toEqual({ intervalMs: 256.25, maxAheadMs: 1000, perSecond: 4, spanMs: 1025 });
    expect(paceFor(0.5, 25)).toEqual({ intervalMs: 2050, maxAheadMs: 4100, perSecond: 1, spanMs: 1025 });
    expect(paceFor(20, 25)).toMatchObject({ intervalMs: 51.25, perSecond: 20 });
  });
});
