import express, { Router, type Request, type Response } from 'express';
import { yesterday } from '../alerts/daily-digest.js';
import { identityOf } from '../auth/supervisor-auth.js';
import type { Config } from '../config/load-config.js';
import { RangeTooLongError } from '../reports/review-reports.js';
import type { ResponseRecord } from '../store/response-record.js';
import type { ResponseStore } from '../store/response-store.js';
import { agentsPage } from './pages/agents-page.js';
import { dailyPage } from './pages/daily-page.js';
import { dashboardPage } from './pages/dashboard-page.js';
import { driversPage } from './pages/drivers-page.js';
import { html } from '../http/html.js';
import { layout, type PageContext, type Section } from './pages/layout.js';
import { alertsPage, queuePage, responsesPage } from './pages/list-pages.js';
import { applyAgentField, parsePageFilter, type PageFilter } from './pages/page-filter.js';
import { responsePage } from './pages/response-page.js';
import { channelSchema } from './query-schemas.js';
import { sendRecording } from './recording-proxy.js';
import type { ReviewModule } from './review-module.js';

const RESPONSE_ID = /^[A-Za-z0-9_-]{1,80}$/;
const PAGE_SIZE = 50;

export interface ReviewPagesOptions {
  review: ReviewModule;
  store: ResponseStore;
  config: Config;
  now?: () => number;
}

function sendPage(response: Response, status: number, page: string): void {
  response.status(status).setHeader('Cache-Control', 'no-store');
  response.type('html').send(page);
}

function pageNumber(request: Request): number {
  const page = Number(request.query.page ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** The supervisors' pages under /review (mounted behind the page guard): thin handlers over the review module. */
export function reviewPages(options: ReviewPagesOptions): Router {
  const { review, store, config } = options;
  const now = options.now ?? Date.now;
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 });

  const context = (response: Response, active: Section, filterQuery?: string): PageContext => {
    const identity = identityOf(response);
    if (!identity) throw new Error('review pages are mounted behind the supervisor guard');
    return { identity, active, ...(filterQuery ? { filterQuery } : {}) };
  };
  const problem = (response: Response, active: Section, status: number, message: string): void =>
    sendPage(response, status, layout('Cannot show this page', context(response, active), html`<p class="error" role="alert">${message}</p><p><a href="/review">Back to the dashboard</a></p>`));
  const withFilter = async (request: Request, response: Response, active: Section, render: (filter: PageFilter) => Promise<string>): Promise<void> => {
    const parsed = parsePageFilter(request.query, now(), review.reports.calendar);
    if (!parsed.ok) return problem(response, active, 400, parsed.error);
    try {
      const agents = await review.reports.agentsSeen(parsed.value.filter);
      sendPage(response, 200, await render(applyAgentField(parsed.value, agents)));
    } catch (error) {
      if (!(error instanceof RangeTooLongError)) throw error;
      problem(response, active, 400, error.message);
    }
  };
  const recordsById = async (ids: string[]): Promise<Map<string, ResponseRecord>> => new Map((await store.getMany(ids)).map((record) => [record.id, record]));

  router.get('/', (request, response) =>
    withFilter(request, response, 'dashboard', async (filter) => {
      const [summary, trend, openQueue, latest] = await Promise.all([
        review.reports.summary(filter.filter),
        review.reports.trend(filter.filter, filter.interval),
        review.queue.list('open', 5),
        store.listNewest({ limit: 10 }),
      ]);
      const responsesById = await recordsById(openQueue.items.map((item) => item.responseId));
      return dashboardPage(context(response, 'dashboard', filter.queryString), filter, { summary, trend, openQueue, responsesById, latest });
    }),
  );

  router.get('/agents', (request, response) =>
    withFilter(request, response, 'agents', async (filter) => agentsPage(context(response, 'agents', filter.queryString), filter, await review.reports.agents(filter.filter))),
  );

  router.get('/drivers', (request, response) =>
    withFilter(request, response, 'drivers', async (filter) => driversPage(context(response, 'drivers', filter.queryString), filter, await review.reports.drivers(filter.filter))),
  );

  router.get('/responses', async (request, response) => {
    const channel = channelSchema.safeParse(request.query.channel);
    const page = pageNumber(request);
    const records = await store.listNewest({ limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE, ...(channel.success ? { channel: channel.data } : {}) });
    sendPage(response, 200, responsesPage(context(response, 'responses'), records.slice(0, PAGE_SIZE), page, records.length > PAGE_SIZE, channel.success ? channel.data : '', now()));
  });

  router.get('/responses/:id', async (request, response) => {
    const id = String(request.params.id);
    const record = RESPONSE_ID.test(id) ? await store.get(id) : null;
    if (!record) return problem(response, 'responses', 404, 'No such response (it may have been erased).');
    const [item, supervisors] = await Promise.all([review.queue.get(id), review.accounts.list()]);
    sendPage(response, 200, responsePage(context(response, 'responses'), record, item, supervisors, now()));
  });

  router.get('/responses/:id/recording', async (request, response) => {
    const id = String(request.params.id);
    const record = RESPONSE_ID.test(id) ? await store.get(id) : null;
    if (!record?.recordingUrl) {
      response.status(404).json({ error: 'no recording for this response' });
      return;
    }
    await sendRecording(response, record.recordingUrl, { accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN, apiUrl: config.TWILIO_API_URL });
  });

  router.get('/queue', async (request, response) => {
    const state = request.query.state === 'done' ? 'done' : 'open';
    const page = pageNumber(request);
    const { items, total } = await review.queue.list(state, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    const responses = await recordsById(items.map((item) => item.responseId));
    sendPage(response, 200, queuePage(context(response, 'queue'), state, items, total, responses, page, page * PAGE_SIZE < total));
  });

  const queueAction = (path: string, act: (id: string, request: Request, by: string) => Promise<boolean | 'invalid'>) =>
    router.post(`/queue/:id/${path}`, form, review.auth.requireFormToken, async (request, response) => {
      const id = String(request.params.id);
      const by = identityOf(response)?.username ?? 'unknown';
      const outcome = RESPONSE_ID.test(id) ? await act(id, request, by) : false;
      if (outcome === 'invalid') return problem(response, 'queue', 400, 'Write a note first.');
      if (!outcome) return problem(response, 'queue', 404, 'No such review item.');
      response.redirect(303, `/review/responses/${encodeURIComponent(id)}#review`);
    });
  const bodyField = (request: Request, name: string): string => {
    const value = (request.body as Record<string, unknown> | undefined)?.[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  queueAction('assign', (id, request, by) => {
    const assignee = bodyField(request, 'assignee').slice(0, 64);
    return review.queue.assign(id, assignee || null, by);
  });
  queueAction('notes', async (id, request, by) => {
    const text = bodyField(request, 'text');
    return text ? review.queue.addNote(id, text, by) : 'invalid';
  });
  queueAction('follow-up', (id, _request, by) => review.queue.markFollowedUp(id, by, new Date(now())));
  queueAction('reopen', (id, _request, by) => review.queue.reopen(id, by));

  router.get('/daily', async (request, response) => {
    const day = typeof request.query.day === 'string' && request.query.day !== '' ? request.query.day : yesterday(now(), review.reports.calendar);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return problem(response, 'daily', 400, 'day must be a date such as 2026-11-01.');
    const digest = await review.dailyDigest(day);
    sendPage(response, 200, dailyPage(context(response, 'daily'), digest, await recordsById(digest.oldestOpen.map((item) => item.responseId))));
  });

  router.get('/alerts', async (_request, response) => {
    const configured = config.ALERT_WEBHOOK_URL ? new URL(config.ALERT_WEBHOOK_URL).origin : null;
    sendPage(response, 200, alertsPage(context(response, 'alerts'), configured, await review.deliveries.newest(200)));
  });

  return router;
}
