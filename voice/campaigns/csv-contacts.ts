import { Transform, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';

/** Header names (any letter case) → contact fields; other columns are ignored. */
const COLUMNS: Record<string, string> = {
  phone: 'phone',
  timezone: 'timezone',
  name: 'name',
  customerid: 'customerId',
  agentid: 'agentId',
  agentname: 'agentName',
  language: 'language',
};

export const CSV_HEADER = 'phone,timezone,name,customerId,agentId,language';

/** The upload cannot be read as contacts at all (no header, bad quoting, too large): nothing is imported. */
export class CsvUploadError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
    this.name = 'CsvUploadError';
  }
}

function mapHeader(header: string[]): Array<string | false> {
  const mapped = header.map((name) => COLUMNS[name.trim().toLowerCase()] ?? false);
  for (const required of ['phone', 'timezone']) {
    if (!mapped.includes(required)) throw new CsvUploadError(`the CSV header must name a ${required} column (expected ${CSV_HEADER})`);
  }
  return mapped;
}

function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new CsvUploadError(`the CSV upload is larger than ${Math.round(maxBytes / 1e6)} MB`, 413));
      else done(null, chunk);
    },
  });
}

/**
 * The records of a CSV upload, streamed (a 100,000-row file is never held as text): one object per
 * data row with the known columns. Throws CsvUploadError for an unreadable upload.
 */
export async function* csvContactRecords(body: Readable, maxBytes: number): AsyncGenerator<Record<string, string>> {
  const limiter = byteLimit(maxBytes);
  let headerSeen = false;
  const columns = (header: string[]): Array<string | false> => {
    headerSeen = true;
    return mapHeader(header);
  };
  const parser = parse({ bom: true, columns, skip_empty_lines: true, trim: true, relax_column_count: true, max_record_size: 64 * 1024 });
  body.on('error', (error) => parser.destroy(error));
  limiter.on('error', (error) => parser.destroy(error));
  body.pipe(limiter).pipe(parser);
  try {
    for await (const record of parser) yield record as Record<string, string>;
  } catch (error) {
    body.unpipe();
    body.resume();
    if (error instanceof CsvUploadError) throw error;
    if (error instanceof CsvError) throw new CsvUploadError(`the CSV could not be read: ${error.message}`);
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof CsvUploadError) throw cause;
    throw error;
  }
  if (!headerSeen) throw new CsvUploadError(`the CSV is empty; its first line must be the header ${CSV_HEADER}`);
}
