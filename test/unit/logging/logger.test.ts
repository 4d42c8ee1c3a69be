import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logging/logger.js';
import { maskPhone } from '../../../src/logging/mask.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('when a phone number is logged in a field or the message, then only its prefix and last two digits remain', () => {
    const { lines, stream } = capture();
    createLogger('info', stream).info({ to: '+15551230001', note: 'called +44 20 7946 0958 twice' }, 'dialing +15551230001');
    const record = JSON.parse(lines[0] ?? '{}') as Record<string, string>;
    expect(record.to).toBe('+155******01');
    expect(record.note).toBe('called +442*******58 twice');
    expect(record.msg).toBe('dialing +155******01');
  });

  it('when secrets are logged, then they are redacted', () => {
    const { lines, stream } = capture();
    createLogger('info', stream).info({ headers: { authorization: 'Bearer abc', cookie: 'sid=1' }, token: 't0k3n' }, 'request');
    expect(lines[0]).not.toMatch(/abc|sid=1|t0k3n/);
    expect(lines[0]).toContain('[redacted]');
  });

  it('when a date is logged, then it is not mistaken for a phone number', () => {
    const { lines, stream } = capture();
    createLogger('info', stream).info({ day: '2026-11-22', at: '2026-11-22T10:00:00.000Z' }, 'x');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ day: '2026-11-22', at: '2026-11-22T10:00:00.000Z' });
  });

  it('when a short number is masked, then nothing of it is shown', () => {
    expect(maskPhone('12345')).toBe('*****');
  });
});
