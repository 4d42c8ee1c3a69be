import { join } from 'node:path';
import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { jsonBody } from '../../src/http/json-body.js';
import { z } from 'zod';
import { identityOf } from '../../src/auth/supervisor-auth.js';
import { SURVEY_LANGUAGE_CODES } from '../../src/survey/messages/languages.js';
import { judgeOrigin } from '../../src/http/allowed-origins.js';
import { PUBLIC_DIR } from '../../src/http/public-dir.js';
import { simulatorPage } from './pages/simulator-page.js';
import { SimulatorInputError, type SimulatedCalls } from './simulated-calls.js';

export interface SimulatorRoutesOptions {
  calls: SimulatedCalls;
  /** Supervisor pages: a session (or the bearer token); signed-out browsers go to the sign-in form. */
  requirePage: RequestHandler;
  /** Supervisor API: the bearer token, or a session plus its X-CSRF-Token on writes. */
  requireApi: RequestHandler;
  businessName: string;
  defaultLanguage: string;
  publicUrl: string;
}

const personName = z.string().trim().max(100).optional().transform((value) => (value ? value : undefined));

export const startSchema = z.object({
  language: z.string().refine((code) => SURVEY_LANGUAGE_CODES.includes(code), `language must be one of ${SURVEY_LANGUAGE_CODES.join(', ')}`),
  customerName: personName,
  agentName: personName,
});

export const answerSchema = z.object({
  action: z.string().max(2000),
  digits: z.string().regex(/^[0-9*#]{0,20}$/, 'digits may hold only 0-9, * and #').optional(),
  speech: z.string().max(2000).optional(),
});

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/**
 * Calls that change stored data come from our own page only: besides the session's X-CSRF-Token
 * (requireApi), another site's Origin and anything but a JSON body are refused.
 */
function ownPagesOnly(publicUrl: string) {
  return (request: Request, response: Response, next: NextFunction) => {
    if (judgeOrigin(request, { allowedOrigins: [], publicUrl }) === 'refused') {
      response.status(403).json({ error: 'the simulator is driven from its own page only' });
      return;
    }
    if (!request.is('application/json')) {
      response.status(415).json({ error: 'send JSON (Content-Type: application/json)' });
      return;
    }
    next();
  };
}

async function answerWith(response: Response, work: () => Promise<unknown>): Promise<void> {
  try {
    response.json(await work());
  } catch (error) {
    if (error instanceof SimulatorInputError) {
      response.status(error.status).json({ error: error.message });
      return;
    }
    throw error;
  }
}

/** GET /simulator (the page, signed in) and its API under /simulator/calls; mounted at /simulator. */
export function simulatorRoutes(options: SimulatorRoutesOptions): Router {
  const router = Router();
  const guard: RequestHandler[] = [options.requireApi, ownPagesOnly(options.publicUrl), jsonBody({ limit: '64kb' })];

  router.use('/assets', options.requirePage, express.static(join(PUBLIC_DIR, 'simulator'), { index: false, maxAge: '5m' }));

  router.get('/', options.requirePage, (_request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    const csrfToken = identityOf(response)?.csrfToken ?? null;
    response.type('html').send(simulatorPage({ businessName: options.businessName, languages: SURVEY_LANGUAGE_CODES, defaultLanguage: options.defaultLanguage, csrfToken }));
  });

  router.post('/calls', ...guard, async (request, response) => {
    const setup = startSchema.safeParse(request.body ?? {});
    if (!setup.success) return void response.status(400).json({ error: describe(setup.error) });
    const { language, customerName, agentName } = setup.data;
    await answerWith(response, () => options.calls.start({ language, subject: { ...(customerName ? { customerName } : {}), ...(agentName ? { agentName } : {}) } }));
  });

  router.post('/calls/:callSid/answer', ...guard, async (request, response) => {
    const input = answerSchema.safeParse(request.body ?? {});
    if (!input.success) return void response.status(400).json({ error: describe(input.error) });
    const { action, digits, speech } = input.data;
    await answerWith(response, () => options.calls.answer(String(request.params.callSid), { action, ...(digits ? { digits } : {}), ...(speech ? { speech } : {}) }));
  });

  router.post('/calls/:callSid/hangup', ...guard, async (request, response) => {
    await answerWith(response, async () => ({ stored: await options.calls.hangUp(String(request.params.callSid)) }));
  });

  return router;
}
