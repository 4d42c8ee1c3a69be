import express, { Router } from 'express';
import { z } from 'zod';
import type { CampaignContactEraser } from '../../voice/campaigns/campaign-contact-eraser.js';
import type { ResponseEraser } from './response-eraser.js';

const erasureRequestSchema = z
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
export function erasureRoutes(eraser: ResponseEraser, campaignContacts: CampaignContactEraser): Router {
  const router = Router();
  router.post('/', express.json({ limit: '16kb' }), async (request, response) => {
    const parsed = erasureRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      response.status(400).json({ error: parsed.error.issues.map((issue) => issue.message).join('; ') });
      return;
    }
    const erased = await eraser.eraseCustomer(parsed.data);
    response.json({ erased, campaignContacts: await campaignContacts.eraseCustomer(parsed.data) });
  });
  return router;
}
