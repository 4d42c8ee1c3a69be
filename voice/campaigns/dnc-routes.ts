import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { identityOf } from '../../src/auth/supervisor-auth.js';
import { jsonBody } from '../../src/http/json-body.js';
import type { Logger } from '../../src/logging/logger.js';
import type { DoNotCallRemoval } from '../../src/privacy/do-not-call-removal.js';
import type { DoNotCallList } from '../../src/store/do-not-call-list.js';
import { describeIssues, dncRequestSchema } from './campaign-schemas.js';
import { toE164 } from './contact-fields.js';

export interface DncRoutesOptions {
  doNotCall: DoNotCallList;
  removal: DoNotCallRemoval;
  logger: Logger;
}

/** `?phone=` or `?customerId=`: exactly one. */
const entryQuerySchema = z.union([
  z.object({ phone: z.string().min(1).max(64), customerId: z.undefined() }),
  z.object({ customerId: z.string().min(1).max(256), phone: z.undefined() }),
], { error: 'give either ?phone= (E.164) or ?customerId=, not both' });

type Entry = { phone: string } | { customerId: string };

function entryOf(request: Request, response: Response): Entry | undefined {
  const parsed = entryQuerySchema.safeParse(request.query);
  if (!parsed.success) return void response.status(400).json({ error: describeIssues(parsed.error) });
  if (parsed.data.customerId !== undefined) return { customerId: parsed.data.customerId };
  const phone = toE164(parsed.data.phone ?? '');
  if (!phone.ok) return void response.status(400).json({ error: phone.error });
  return { phone: phone.value };
}

/**
 * `/api/dnc`: `POST {"phones": [...]}` puts numbers on the list (any bad number refuses the whole
 * request); `GET ?phone=` or `?customerId=` says whether one is on it; `DELETE` with the same takes
 * it off, with the bearer ADMIN_TOKEN only, and logs an audit line.
 */
export function dncRoutes(options: DncRoutesOptions): Router {
  const { doNotCall, removal, logger } = options;
  const router = Router();
  router.post('/', jsonBody({ limit: '1mb' }), async (request, response) => {
    const parsed = dncRequestSchema.safeParse(request.body);
    if (!parsed.success) return void response.status(400).json({ error: describeIssues(parsed.error) });
    const phones: string[] = [];
    const problems: string[] = [];
    parsed.data.phones.forEach((raw, index) => {
      const phone = toE164(raw);
      if (phone.ok) phones.push(phone.value);
      else problems.push(`phones.${index}: ${phone.error}`);
    });
    if (problems.length > 0) return void response.status(400).json({ error: problems.slice(0, 20).join('; ') });
    const added = await doNotCall.addPhones([...new Set(phones)]);
    response.json({ added, phones });
  });

  router.get('/', async (request, response) => {
    const entry = entryOf(request, response);
    if (!entry) return;
    const onList = 'phone' in entry ? await doNotCall.hasPhone(entry.phone) : await doNotCall.hasCustomer(entry.customerId);
    response.json({ ...entry, onList });
  });

  router.delete('/', async (request, response) => {
    const identity = identityOf(response);
    if (identity?.via !== 'bearer') return void response.status(403).json({ error: 'taking an entry off the do-not-call list needs the bearer ADMIN_TOKEN' });
    const entry = entryOf(request, response);
    if (!entry) return;
    const removed = 'phone' in entry ? await removal.removePhone(entry.phone) : await removal.removeCustomer(entry.customerId);
    logger.info({ audit: 'dnc_removed', by: identity.username, ...entry, removed }, removed ? 'taken off the do-not-call list' : 'asked to take off the do-not-call list, but it was not on it');
    response.json({ ...entry, removed });
  });
  return router;
}
