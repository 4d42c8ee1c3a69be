import { Router, type ErrorRequestHandler } from 'express';
import { jsonBody } from '../src/http/json-body.js';
import { contactEndedSchema, describeIssues } from './contact-request.js';
import type { ContactSurveys } from './contact-surveys.js';

/** A contact may be reported up to a day ahead of our clock (clock drift between platforms), not more. */
const MAX_FUTURE_MS = 24 * 3600 * 1000;

const bodyErrors: ErrorRequestHandler = (error: unknown, _request, response, next) => {
  const failure = error as { type?: string };
  if (failure.type === 'entity.too.large') return void response.status(413).json({ error: 'the JSON body is larger than 16kb' });
  if (failure.type === 'entity.parse.failed') return void response.status(400).json({ error: 'request body is not valid JSON' });
  next(error);
};

/**
 * `/api/contacts` (the admin bearer check sits in front): `POST` when a contact ends answers 202
 * with the survey decision, the same for the same contactId every time; `GET /:contactId` shows the
 * decision and what its sending did.
 */
export function contactRoutes(surveys: ContactSurveys, clock: () => Date): Router {
  const router = Router();
  router.post('/', jsonBody({ limit: '16kb' }), async (request, response) => {
    if (!request.is('application/json')) return void response.status(415).json({ error: 'send the contact as application/json' });
    const parsed = contactEndedSchema.safeParse(request.body);
    if (!parsed.success) return void response.status(400).json({ error: describeIssues(parsed.error) });
    if (Date.parse(parsed.data.endedAt) - clock().getTime() > MAX_FUTURE_MS) return void response.status(400).json({ error: 'endedAt: is more than a day in the future' });
    response.status(202).json(await surveys.contactEnded(parsed.data));
  });
  router.get('/:contactId', async (request, response) => {
    const contactId = String(request.params.contactId ?? '').slice(0, 200);
    const view = await surveys.view(contactId);
    if (!view) return void response.status(404).json({ error: `no survey decision for contact ${contactId}` });
    response.json(view);
  });
  router.use(bodyErrors);
  return router;
}
