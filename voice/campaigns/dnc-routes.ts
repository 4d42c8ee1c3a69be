import { Router, type Request, type Response } from 'express';
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

type Entry = { phone: string } | { customerId: string };

/** `?phone=` or `?customerId=`, exactly one, once; else an answer already sent. */
function entryOf(request: Request, response: Response): Entry | undefined {
  const query = request.query as Record<string, unknown>;
  const { phone, customerId } = query;
  if (Object.keys(query).length !== 1 || (typeof phone !== 'string' && typeof customerId !== 'string')) {
    return void response.status(400).json({ error: 'give either ?phone= (E.164) or ?customerId=, once, and nothing else' });
  }
  if (typeof customerId === 'string') {
    if (customerId === '' || customerId.length > 256) return void response.status(400).json({ error: 'customerId must be 1-256 characters' });
    return { customerId };
  }
  const checked = toE164(String(phone).slice(0, 64));
  if (!checked.ok) return void response.status(400).json({ error: checked.error });
  return { phone: checked.value };
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
