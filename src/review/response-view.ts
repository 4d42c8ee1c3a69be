import { effectiveStatus } from '../store/effective-status.js';
import type { ResponseRecord } from '../store/response-record.js';

/** A response as the results API shows it. */
export function responseView(record: ResponseRecord, now: number): Record<string, unknown> {
  return {
    id: record.id,
    channel: record.channel,
    conversationId: record.conversationId,
    score: record.score,
    category: record.category,
    reason: record.reason,
    tags: record.tags,
    sentiment: record.sentiment,
    transcript: record.transcript,
    status: effectiveStatus(record, now),
    createdAt: record.createdAt,
    completedAt: record.completedAt,
    language: record.language,
    customerName: record.customerName ?? null,
    customerId: record.customerId ?? null,
    agentName: record.agentName ?? null,
    agentId: record.agentId ?? null,
    campaignId: record.campaignId ?? null,
    phone: record.phone ?? null,
    recordingUrl: record.recordingUrl ?? null,
    ...(record.deliveryStatus ? { deliveryStatus: record.deliveryStatus } : {}),
    test: record.test,
    /** True when a web page claimed the identity without a valid signed link: only its names were kept. */
    unverified: record.unverified === true,
  };
}
