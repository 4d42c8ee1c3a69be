import type { DeliveryAttempt } from '../../alerts/delivery-log.js';
import { effectiveStatus } from '../../store/effective-status.js';
import type { ResponseRecord } from '../../store/response-record.js';
import type { ReviewItem } from '../queue/review-queue.js';
import { reasonPreview } from './dashboard-page.js';
import { categoryBadge, formatShortTime } from './format.js';
import { channelLabel, deliveryKindLabel, deliveryOutcomeLabel, reviewReasonLabel, statusLabel } from './labels.js';
import { html, type SafeHtml } from '../../http/html.js';
import { layout, type PageContext } from './layout.js';

function pager(path: string, page: number, hasMore: boolean, extra = ''): SafeHtml {
  return html`<p class="pager">${page > 1 ? html`<a href="${path}?page=${page - 1}${extra}">Newer</a>` : html``} ${hasMore ? html`<a href="${path}?page=${page + 1}${extra}">Older</a>` : html``}</p>`;
}

function channelSwitch(channel: string): SafeHtml {
  const choices: Array<[string, string]> = [['', 'All'], ['voice', channelLabel('voice')], ['chat', channelLabel('chat')]];
  return html`<p class="switch">${choices.map(([value, label]) =>
    value === channel ? html`<strong>${label}</strong>` : html`<a href="/review/responses${value ? `?channel=${value}` : ''}">${label}</a>`,
  )}</p>`;
}

export function responsesPage(context: PageContext, records: ResponseRecord[], page: number, hasMore: boolean, channel: string, now: number): string {
  const rows = records.map(
    (record) =>
      html`<tr data-response="${record.id}"><td data-label="Started" class="when">${formatShortTime(record.createdAt)}</td><td data-label="Channel">${channelLabel(record.channel)}${record.test ? html` <span class="badge none">Test</span>` : html``}</td><td data-label="Status" class="status">${statusLabel(effectiveStatus(record, now))}</td><td data-label="Score">${record.score ?? '—'} ${categoryBadge(record.category)}</td><td data-label="Reason" class="text" dir="auto"${record ? html` lang="${record.language}"` : html``}>${reasonPreview(record)}</td><td data-label="Agent">${record.agentName ?? record.agentId ?? '—'}</td><td class="go"><a class="action" href="/review/responses/${encodeURIComponent(record.id)}">Transcript</a></td></tr>`,
  );
  return layout(
    'Responses',
    context,
    html`${channelSwitch(channel)}
<table class="cards"><thead><tr><th>Started (UTC)</th><th>Channel</th><th>Status</th><th>Score</th><th>Reason</th><th>Agent</th><th></th></tr></thead><tbody>${rows}</tbody></table>
${pager('/review/responses', page, hasMore, channel ? `&channel=${channel}` : '')}`,
  );
}

export function queuePage(context: PageContext, state: 'open' | 'done', items: ReviewItem[], total: number, responses: Map<string, ResponseRecord>, page: number, hasMore: boolean): string {
  const rows = items.map((item) => {
    const record = responses.get(item.responseId);
    return html`<tr data-item="${item.responseId}"><td data-label="Since" class="when">${formatShortTime(item.createdAt)}</td><td data-label="Why">${item.kinds.map(reviewReasonLabel).join(', ')}</td><td data-label="Score">${record?.score ?? '—'} ${categoryBadge(record?.category ?? null)}</td><td data-label="Reason" class="text" dir="auto"${record ? html` lang="${record.language}"` : html``}>${reasonPreview(record)}</td><td data-label="Customer">${record?.customerName ?? ''} ${record?.phone ?? ''}</td><td data-label="Agent">${record?.agentName ?? record?.agentId ?? '—'}</td><td data-label="Assigned">${item.assignee ?? 'Nobody yet'}</td><td data-label="Notes" class="num">${item.notes.length}</td><td class="go"><a class="action" href="/review/responses/${encodeURIComponent(item.responseId)}#review">Open</a></td></tr>`;
  });
  return layout(
    'Review queue',
    context,
    html`<p class="switch">${state === 'open' ? html`<strong>Open (${total})</strong> <a href="/review/queue?state=done">Followed up</a>` : html`<a href="/review/queue">Open</a> <strong>Followed up (${total})</strong>`}</p>
<p class="explain">Detractors (0–6) and scores that contradict their comment (9–10 with an unhappy reason, 0–6 with a happy one). Oldest open items first.</p>
${items.length === 0 ? html`<p class="empty">Nothing here.</p>` : html`<table class="queue cards"><thead><tr><th>Since (UTC)</th><th>Why</th><th>Score</th><th>Reason</th><th>Customer</th><th>Agent</th><th>Assigned</th><th>Notes</th><th></th></tr></thead><tbody>${rows}</tbody></table>`}
${pager('/review/queue', page, hasMore, state === 'done' ? '&state=done' : '')}`,
  );
}

export function alertsPage(context: PageContext, configured: string | null, attempts: DeliveryAttempt[]): string {
  const rows = attempts.map(
    (attempt) =>
      html`<tr class="${attempt.outcome}"><td data-label="When" class="when">${formatShortTime(attempt.at)}</td><td data-label="What">${deliveryKindLabel(attempt.kind)}</td><td data-label="About">${attempt.kind === 'detractor' ? html`<a class="action" href="/review/responses/${encodeURIComponent(attempt.subject)}">${attempt.subject}</a>` : attempt.subject}</td><td data-label="Attempt" class="num">${attempt.attempt}</td><td data-label="Outcome">${deliveryOutcomeLabel(attempt.outcome)}</td><td data-label="HTTP">${attempt.status || '—'}</td><td data-label="Took">${attempt.ms} ms</td><td data-label="Error" class="text">${attempt.error || '—'}</td></tr>`,
  );
  return layout(
    'Webhook deliveries',
    context,
    html`<p>${configured ? html`Detractors and the daily digest are posted, signed, to <code>${configured}</code>.` : html`No ALERT_WEBHOOK_URL is set: nothing is posted.`}</p>
${attempts.length === 0 ? html`<p class="empty">No deliveries yet.</p>` : html`<table class="deliveries cards"><thead><tr><th>When (UTC)</th><th>What</th><th>About</th><th>Attempt</th><th>Outcome</th><th>HTTP</th><th>Time</th><th>Error</th></tr></thead><tbody>${rows}</tbody></table>`}`,
  );
}
