import { z } from 'zod';
import { channelSchema } from '../../review/query-schemas.js';
import { SENTIMENTS, TAG_IDS } from '../../tagging/taxonomy.js';

/** The results API's answers, as the service sends them (documentation and the tests' response checks). */
const npsFigures = {
  promoters: z.number().int().min(0),
  passives: z.number().int().min(0),
  detractors: z.number().int().min(0),
  total: z.number().int().min(0),
  nps: z.number().nullable().describe('100 × (P − D) / total, not rounded; null with no scored responses'),
  marginOfError: z.number().nullable().describe('95% half-width in NPS points; null with no scored responses'),
};
export const npsFiguresSchema = z.object(npsFigures);

const transcriptTurnSchema = z.object({
  at: z.string(),
  speaker: z.enum(['bot', 'customer']),
  text: z.string(),
  via: z.enum(['keys', 'speech', 'text']).optional(),
  confidence: z.number().optional(),
});

export const responseViewSchema = z.object({
  id: z.string(),
  channel: channelSchema,
  conversationId: z.string(),
  score: z.number().int().min(0).max(10).nullable(),
  category: z.enum(['promoter', 'passive', 'detractor']).nullable(),
  reason: z.string().nullable(),
  tags: z.array(z.enum(TAG_IDS)),
  sentiment: z.enum(SENTIMENTS),
  transcript: z.array(transcriptTurnSchema),
  status: z.enum(['in_progress', 'completed', 'partial', 'abandoned', 'opted_out']),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  language: z.string(),
  customerName: z.string().nullable(),
  customerId: z.string().nullable(),
  agentName: z.string().nullable(),
  agentId: z.string().nullable(),
  campaignId: z.string().nullable(),
  phone: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  test: z.boolean(),
  deliveryStatus: z.string().optional().describe("Text surveys: the invitation's latest delivery status from Twilio"),
  unverified: z.boolean().describe('A web page claimed the identity without a valid signed link: only its names were kept'),
});

const range = { from: z.string(), to: z.string() };
const rate = z.number().min(0).max(1).nullable();

export const summaryReportSchema = z.object({
  ...npsFigures,
  ...range,
  lowSample: z.boolean(),
  volumes: z.object({ started: z.number().int(), completed: z.number().int(), optedOut: z.number().int(), partial: z.number().int(), abandoned: z.number().int() }).nullable(),
  responseRate: rate,
  completionRate: rate,
  optOutRate: rate,
  channel: channelSchema.optional(),
});

export const trendReportSchema = z.object({ interval: z.enum(['day', 'week']), ...range, points: z.array(z.object({ ...npsFigures, start: z.string() })) });

export const agentsReportSchema = z.object({
  ...range,
  company: npsFiguresSchema,
  prior: z.object({ strength: z.number(), source: z.enum(['estimated', 'no-difference', 'default']), betweenVariance: z.number().nullable(), withinVariance: z.number().nullable() }),
  agents: z.array(z.object({ agentId: z.string(), agentName: z.string().nullable(), raw: npsFiguresSchema, shrunkNps: z.number(), low: z.number(), high: z.number(), rank: z.number().int() })),
});

export const driversReportSchema = z.object({
  ...range,
  overall: npsFiguresSchema,
  drivers: z.array(
    z.object({
      tag: z.string(),
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
      total: z.number().int(),
      shareOfDetractors: rate,
      shareOfPromoters: rate,
      npsImpact: z.number().nullable(),
      examples: z.array(z.object({ id: z.string(), score: z.number().int(), category: z.string(), reason: z.string() })),
    }),
  ),
});

export const retagProgressSchema = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  taggerVersion: z.string(),
  scanned: z.number().int(),
  retagged: z.number().int(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  error: z.string().optional(),
});
