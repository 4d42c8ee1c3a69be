import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import type { RedisClient } from '../redis/redis-client.js';
import type { Keys } from '../redis/keys.js';
import type { ReportFilter } from '../reports/report-filter.js';
import { effectiveStatus } from '../store/effective-status.js';
import type { ResponseRecord } from '../store/response-record.js';
import type { ResponseStore } from '../store/response-store.js';

export const EXPORT_COLUMNS = [
  'id',
  'createdAt',
  'completedAt',
  'channel',
  'status',
  'score',
  'category',
  'reason',
  'tags',
  'sentiment',
  'language',
  'customerName',
  'customerId',
  'phone',
  'agentId',
  'agentName',
  'campaignId',
  'conversationId',
  'recordingUrl',
  'test',
  'unverified',
  'transcript',
] as const;

const PAGE = 500;
/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"), also
 * after leading spaces, and some read the full-width (＝ ＋ － ＠) and small (﹦ ﹢ ﹣ ﹫) forms as the
 * ASCII signs.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]/;

/** A cell a spreadsheet will show as text: one starting (after any spaces) with a formula sign, or with tab or CR, gets a leading `'`. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function transcriptText(record: ResponseRecord): string {
  return record.transcript.map((turn) => `${turn.at} ${turn.speaker}: ${turn.text}`).join('\n');
}

export function exportRow(record: ResponseRecord, now: number): string[] {
  const cells: Record<(typeof EXPORT_COLUMNS)[number], string> = {
    id: record.id,
    createdAt: record.createdAt,
    completedAt: record.completedAt ?? '',
    channel: record.channel,
    status: effectiveStatus(record, now),
    score: record.score === null ? '' : String(record.score),
    category: record.category ?? '',
    reason: record.reason ?? '',
    tags: record.tags.join(';'),
    sentiment: record.sentiment,
    language: record.language,
    customerName: record.customerName ?? '',
    customerId: record.customerId ?? '',
    phone: record.phone ?? '',
    agentId: record.agentId ?? '',
    agentName: record.agentName ?? '',
    campaignId: record.campaignId ?? '',
    conversationId: record.conversationId,
    recordingUrl: record.recordingUrl ?? '',
    test: record.test ? 'true' : 'false',
    unverified: record.unverified ? 'true' : 'false',
    transcript: transcriptText(record),
  };
  return EXPORT_COLUMNS.map((column) => neutraliseCell(cells[column]));
}

function matches(record: ResponseRecord, filter: ReportFilter): boolean {
  if (filter.agentId && record.agentId !== filter.agentId) return false;
  if (filter.campaignId && record.campaignId !== filter.campaignId) return false;
  if (filter.tag && !record.tags.includes(filter.tag)) return false;
  return true;
}

/**
 * Every response created in [from, to) that matches the filter, newest first, a page at a time. The
 * cursor is the creation time (not an offset), so responses arriving or erased meanwhile shift nothing.
 */
export async function* exportRecords(redis: RedisClient, keys: Keys, store: ResponseStore, filter: ReportFilter): AsyncGenerator<ResponseRecord> {
  const indexes = keys.partitionList.map((partition) => (filter.channel ? keys.responsesByCreationForChannel(partition, filter.channel) : keys.responsesByCreation(partition)));
  let max = filter.to ? `(${filter.to.getTime()}` : '+inf';
  const min = filter.from ? String(filter.from.getTime()) : '-inf';
  let seenAtMax = new Set<string>();
  for (;;) {
    // A page of each partition's index, merged newest first: the first PAGE of them are the newest overall.
    const pages = await Promise.all(indexes.map((index) => redis.zrevrangebyscore(index, max, min, 'WITHSCORES', 'LIMIT', 0, PAGE + seenAtMax.size)));
    const entries: Array<[string, string]> = [];
    for (const page of pages) for (let at = 0; at + 1 < page.length; at += 2) entries.push([page[at] as string, page[at + 1] as string]);
    entries.sort(([idA, a], [idB, b]) => Number(b) - Number(a) || (idA < idB ? -1 : 1));
    const fresh = entries.filter(([id]) => !seenAtMax.has(id)).slice(0, PAGE);
    if (fresh.length === 0) return;
    for (const record of await store.getMany(fresh.map(([id]) => id))) if (matches(record, filter)) yield record;
    const lastScore = (fresh[fresh.length - 1] as [string, string])[1];
    seenAtMax = new Set([...(lastScore === max ? seenAtMax : []), ...fresh.filter(([, score]) => score === lastScore).map(([id]) => id)]);
    max = lastScore;
  }
}

/** Streams the CSV to the response; rows are written as Redis pages arrive, never all in memory. */
export async function sendCsvExport(response: Response, records: AsyncIterable<ResponseRecord>, now: number): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="responses-${new Date(now).toISOString().slice(0, 10)}.csv"`);
  response.setHeader('Cache-Control', 'no-store');
  const rows = Readable.from(
    (async function* () {
      for await (const record of records) yield exportRow(record, now);
    })(),
  );
  await pipeline(rows, stringify({ header: true, columns: [...EXPORT_COLUMNS] }), response);
}
