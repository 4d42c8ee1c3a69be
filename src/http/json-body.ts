import express, { type RequestHandler } from 'express';

/** Deepest nesting of arrays and objects a JSON body may have; deeper bodies get a 400. */
export const MAX_JSON_DEPTH = 64;

/**
 * True once UTF-8 JSON nests arrays and objects deeper than `limit`; one pass over the bytes, no
 * recursion (bytes of multi-byte characters are all ≥ 0x80, so they never look like `{`, `"` or `\`).
 */
export function nestsDeeperThan(json: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < json.length; index += 1) {
    const code = json[index];
    if (inString) {
      if (code === 0x5c) index += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x7d || code === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

/** body-parser passes this error on (status and type kept), and the error handlers answer 400 with its message. */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
  readonly expose = true;
  constructor(limit: number) {
    super(`the JSON body nests deeper than ${limit} levels`);
    this.name = 'JsonTooDeepError';
  }
}

/**
 * express.json with a nesting limit, checked on the raw text before it is parsed: a deeply nested
 * body would otherwise reach code that walks it recursively (a size check, a validator) and
 * overflow the stack. Every JSON body of the service goes through this.
 */
export function jsonBody(options: { limit: string; maxDepth?: number }): RequestHandler {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  return express.json({
    limit: options.limit,
    verify: (_request, _response, body, encoding) => {
      const utf8 = encoding && encoding.toLowerCase() !== 'utf-8' ? Buffer.from(new TextDecoder(encoding).decode(body)) : body;
      if (nestsDeeperThan(utf8, maxDepth)) throw new JsonTooDeepError(maxDepth);
    },
  });
}
