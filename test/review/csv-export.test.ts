import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, neutraliseCell } from '../../src/review/csv-export.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { seedResponse } from './support/seed.js';

async function exportCsv(app: TestApp, query = ''): Promise<{ status: number; type: string | null; rows: string[][] }> {
  const response = await fetch(`${app.baseUrl}/api/review/export.csv${query}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), rows: response.ok ? parse(text) : [] };
}

/** Formula signs a spreadsheet may still run: full-width, small-form, and ASCII after leading spaces. */
const SNEAKY_REASONS: Record<number, string> = {
  20: '＝HYPERLINK("http://evil.example","click")',
  21: '＋1+1',
  22: '－2+3',
  23: '＠SUM(1)',
  24: '﹦1+1',
  25: '﹢1',
  26: '﹣1',
  27: '﹫SUM(1)',
  28: '  =1+1',
  29: '\u3000＝1+1',
};

describe('CSV export', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    for (let n = 0; n < 30; n += 1) {
      await seedResponse(app.services, {
        id: `s${String(n).padStart(2, '0')}`,
        at: new Date(Date.UTC(2026, 10, 10, 9, n)),
        score: n % 11,
        channel: n % 3 === 0 ? 'chat' : 'voice',
        agentId: n % 2 ? 'a1' : 'a2',
        phone: '+15551230001',
        reason: n === 7 ? '=HYPERLINK("http://evil.example","click")' : n === 8 ? '@SUM(1+1)' : n === 9 ? '-2+3' : (SNEAKY_REASONS[n] ?? `reason ${n}, with "quotes"\nand a new line`),
      });
    }
  });
  afterAll(async () => app?.close());

  it('when 30 surveys are exported, then there is a header and one row per survey, newest first', async () => {
    const { status, type, rows } = await exportCsv(app);
    expect(status).toBe(200);
    expect(type).toBe('text/csv; charset=utf-8');
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(31);
    expect(rows[1]?.[0]).toBe('s29');
    expect(rows[30]?.[0]).toBe('s00');
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(30);
  });

  it('when a cell starts with =, +, - or @, then it is neutralised with a leading quote', async () => {
    const { rows } = await exportCsv(app);
    const reason = EXPORT_COLUMNS.indexOf('reason');
    const phone = EXPORT_COLUMNS.indexOf('phone');
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byId.get('s07')?.[reason]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(byId.get('s08')?.[reason]).toBe(`'@SUM(1+1)`);
    expect(byId.get('s09')?.[reason]).toBe(`'-2+3`);
    expect(byId.get('s10')?.[reason]).toBe('reason 10, with "quotes"\nand a new line');
    expect(byId.get('s10')?.[phone]).toBe(`'+15551230001`);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(neutraliseCell('\tcmd')).toBe("'\tcmd");
  });

  it('when a cell starts with a full-width or small-form =, +, - or @, or with one after leading spaces, then it is neutralised too', async () => {
    const { rows } = await exportCsv(app);
    const reason = EXPORT_COLUMNS.indexOf('reason');
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    for (const [n, text] of Object.entries(SNEAKY_REASONS)) expect(byId.get(`s${n}`)?.[reason]).toBe(`'${text}`);
    expect(neutraliseCell('a = b')).toBe('a = b');
    expect(neutraliseCell('ＡＢＣ')).toBe('ＡＢＣ');
  });

  it('when the export is filtered like the dashboard, then only matching responses are rows', async () => {
    expect((await exportCsv(app, '?channel=chat')).rows).toHaveLength(1 + 10);
    expect((await exportCsv(app, '?agentId=a1&channel=voice')).rows).toHaveLength(1 + 10);
    expect((await exportCsv(app, '?from=2026-11-10T09:10:00Z&to=2026-11-10T09:20:00Z')).rows.slice(1).map((row) => row[0])).toEqual(
      ['s19', 's18', 's17', 's16', 's15', 's14', 's13', 's12', 's11', 's10'],
    );
  });

  it('when the filter is bad or the token missing, then it is a 4xx JSON error', async () => {
    const bad = await fetch(`${app.baseUrl}/api/review/export.csv?channel=fax`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('channel');
    expect((await fetch(`${app.baseUrl}/api/review/export.csv`)).status).toBe(401);
  });
});
