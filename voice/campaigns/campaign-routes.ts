import { jsonBody } from '../../src/http/json-body.js';
import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { DialerUnavailableError } from '../dialer/dialer.js';
import { auditQuerySchema, campaignRequestSchema, contactsRequestSchema, describeIssues } from './campaign-schemas.js';
import { CampaignStateError, type CampaignService } from './campaign-service.js';
import type { Campaign } from './campaign-types.js';
import { CsvUploadError, csvContactRecords } from './csv-contacts.js';

const JSON_LIMIT = '25mb';
const CSV_LIMIT_BYTES = 200 * 1024 * 1024;
const CAMPAIGN_ID = /^[0-9a-f]{12}$/;

function sendError(response: Response, status: number, error: string): void {
  response.status(status).json({ error });
}

/** Body-parser refusals as JSON errors that name this API's own limits. */
const bodyErrors: ErrorRequestHandler = (error: unknown, _request, response, next) => {
  const failure = error as { type?: string; status?: number };
  if (failure.type === 'entity.too.large') return sendError(response, 413, `the JSON body is larger than ${JSON_LIMIT}; upload large contact lists as text/csv`);
  if (failure.type === 'entity.parse.failed') return sendError(response, 400, 'request body is not valid JSON');
  if (error instanceof CsvUploadError) return sendError(response, error.status, error.message);
  next(error);
};

/** `/api/campaigns`: thin routes over CampaignService (the admin bearer check sits in front). */
export function campaignRoutes(service: CampaignService): Router {
  const router = Router();
  const json = jsonBody({ limit: JSON_LIMIT });

  const campaignOr404 = async (request: Request, response: Response): Promise<Campaign | null> => {
    const id = String(request.params.id ?? '');
    const campaign = CAMPAIGN_ID.test(id) ? await service.get(id) : null;
    if (!campaign) sendError(response, 404, `no campaign ${id.slice(0, 40)}`);
    return campaign;
  };

  router.post('/', json, async (request, response) => {
    const parsed = campaignRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendError(response, 400, describeIssues(parsed.error));
    response.status(201).json(await service.create(parsed.data));
  });

  router.get('/', async (_request, response) => {
    response.json({ items: await service.list() });
  });

  router.get('/:id', async (request, response) => {
    const campaign = await campaignOr404(request, response);
    if (campaign) response.json(await service.view(campaign));
  });

  router.post('/:id/contacts', async (request, response, next) => {
    const campaign = await campaignOr404(request, response);
    if (!campaign) return;
    if (request.is('text/csv')) {
      const result = await service.importContacts(campaign, csvContactRecords(request, CSV_LIMIT_BYTES));
      return response.status(201).json({ id: campaign.id, ...result });
    }
    if (!request.is('application/json')) return sendError(response, 415, 'send contacts as application/json {"contacts": [...]} or as text/csv');
    json(request, response, (error?: unknown) => {
      if (error) return next(error);
      const body: unknown = Array.isArray(request.body) ? { contacts: request.body } : request.body;
      const parsed = contactsRequestSchema.safeParse(body);
      if (!parsed.success) return sendError(response, 400, describeIssues(parsed.error));
      service.importContacts(campaign, parsed.data.contacts).then((result) => response.status(201).json({ id: campaign.id, ...result }), next);
    });
  });

  router.post('/:id/start', async (request, response) => {
    const campaign = await campaignOr404(request, response);
    if (!campaign) return;
    try {
      response.json(await service.view(await service.start(campaign)));
    } catch (error) {
      if (error instanceof DialerUnavailableError) return sendError(response, 409, error.message);
      throw error;
    }
  });

  router.post('/:id/pause', async (request, response) => {
    const campaign = await campaignOr404(request, response);
    if (!campaign) return;
    try {
      response.json(await service.view(await service.pause(campaign)));
    } catch (error) {
      if (error instanceof CampaignStateError) return sendError(response, 409, error.message);
      throw error;
    }
  });

  router.get('/:id/calls', async (request, response) => {
    const campaign = await campaignOr404(request, response);
    if (!campaign) return;
    const query = auditQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(response, 400, describeIssues(query.error));
    response.json(await service.audit(campaign, query.data.offset, query.data.limit));
  });

  router.use(bodyErrors);
  return router;
}
