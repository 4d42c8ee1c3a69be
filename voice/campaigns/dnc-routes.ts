import { Router } from 'express';
import { jsonBody } from '../../src/http/json-body.js';
import type { DoNotCallList } from '../../src/store/do-not-call-list.js';
import { describeIssues, dncRequestSchema } from './campaign-schemas.js';
import { toE164 } from './contact-fields.js';

/** `POST /api/dnc {"phones": [...]}`: numbers never to call again. Any bad number refuses the whole request. */
export function dncRoutes(doNotCall: DoNotCallList): Router {
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
  return router;
}
