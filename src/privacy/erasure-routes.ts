import { Router } from 'express';
import { jsonBody } from '../http/json-body.js';
import { z } from 'zod';

export type CustomerToErase = { customerId?: string; phone?: string };

/** Erases one customer everywhere; answers how many records of each kind went (`erased` responses, `campaignContacts`…). */
export type CustomerEraser = (who: CustomerToErase) => Promise<Record<string, number>>;

export const erasureRequestSchema = z
  .object({
    customerId: z.string().trim().min(1).max(100).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{6,14}$/, 'phone must be in E.164 form, e.g. +15551230000')
      .optional(),
  })
  .strict()
  .refine((request) => request.customerId !== undefined || request.phone !== undefined, { message: 'give customerId or phone' });

/**
 * POST /api/review/erasure {"customerId"?, "phone"?}: erases everything stored about one customer
 * (right to erasure): their survey responses, and their contacts in robocaller campaigns.
 */
export function erasureRoutes(eraseCustomer: CustomerEraser): Router {
  const router = Router();
  router.post('/', jsonBody({ limit: '16kb' }), async (request, response) => {
    const parsed = erasureRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      response.status(400).json({ error: parsed.error.issues.map((issue) => issue.message).join('; ') });
      return;
    }
    response.json(await eraseCustomer(parsed.data));
  });
  return router;
}
