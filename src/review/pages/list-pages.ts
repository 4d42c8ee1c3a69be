import type { DeliveryAttempt } from '../../alerts/delivery-log.js';
import type { ResponseRecord } from '../../store/response-record.js';
import type { ReviewItem } from '../queue/review-queue.js';
import { reasonPreview } from './dashboard-page.js';
import { categoryBadge, formatTime } from './format.js';
import { html, type SafeHtml } from '../../http/html.js';
import { layout, type PageContext } from './layout.js';

function pager(path: string, page: number, hasMore: boolean, extra = ''): SafeHtml {
  return html`<p class="pager">${page > 1 ? html`<a href="${path}?page=${page - 1}${extra}">Newer</a>` : html``} ${hasMore ? html`<a href="${path}?page=${page + 1}${extra}">Older</a>` : html``}</p>`;
}

export function responsesPage(context: PageContext, records: ResponseRecord[], page: number, hasMore: boolean, channel: string): string {
  const rows = records.map(
    (record) =>
      html`<tr><td>${formatTime(record.createdAt)}</td><td>${record.channel}${record.test ? ' (test)' : ''}</td><td>${record.status}</td><td>${record.score ?? '—'} ${categoryBadge(record.category)}</td><td class="text">${reasonPreview(record)}</td><td>${record.agentName ?? record.agentId ?? ''}</td><td><a href="/review/responses/${encodeURIComponent(record.id)}">Transcript</a></td></tr>`,
  );
  return layout(
    'Responses',
    context,
    html`<p><a href="/review/responses">All</a> · <a href="/review/responses?channel=voice">Voice</a> · <a href="/review/responses?channel=chat">Chat</a></p>
<table><thead><tr><th>Started</th><th>Channel</th><th>Status</th><th>Score</th><th>Reason</th><th>Agent</th><th></th></tr></thead><tbody>${rows}</tbody></table>
${pager('/review/responses', page, hasMore, channel ? `&channel=${channel}` : '')}`,
  );
}

export function queuePage(context: PageContext, state: 'open' | 'done', items: ReviewItem[], total: number, responses: Map<string, ResponseRecord>, page: number, hasMore: boolean): string {
  const rows = items.map((item) => {
    const record = responses.get(item.responseId);
    return html`<tr data-item="${item.responseId}"><td>${formatTime(item.createdAt)}</td><td>${item.kinds.join(', ')}</td><td>${record?.score ?? '—'} ${categoryBadge(record?.category ?? null)}</td><td class="text">${reasonPreview(record)}</td><td>${record?.customerName ?? ''} ${record?.phone ?? ''}</td><td>${record?.agentName ?? record?.agentId ?? ''}</td><td>${item.assignee ?? 'unassigned'}</td><td>${item.notes.length}</td><td><a href="/review/responses/${encodeURIComponent(item.responseId)}#review">Open</a></td></tr>`;
  });
  return layout(
    'Review queue',
    context,
    html`<p>${state === 'open' ? html`<strong>Open (${total})</strong> · <a href="/review/queue?state=done">Followed up</a>` : html`<a href="/review/queue">Open</a> · <strong>Followed up (${total})</strong>`}</p>
<p class="explain">Detractors (0–6) and scores that contradict their comment (9–10 with an unhappy reason, 0–6 with a happy one). Oldest open items first.</p>
${items.length === 0 ? html`<p class="empty">Nothing here.</p>` : html`<table class="queue"><thead><tr><th>Since</th><th>Why</th><th>Score</th><th>Reason</th><th>Customer</th><th>Agent</th><th>Assigned</th><th>Notes</th><th></th></tr></thead><tbody>${rows}</tbody></table>`}
${pager('/review/queue', page, hasMore, state === 'done' ? '&state=done' : '')}`,
  );
}

export function alertsPage(context: PageContext, configured: string | null, attempts: DeliveryAttempt[]): string {
  const rows = attempts.map(
    (attempt) =>
      html`<tr class="${attempt.outcome}"><td>${formatTime(attempt.at)}</td><td>${attempt.kind}</td><td>${attempt.kind === 'detractor' ? html`<a href="/review/responses/${encodeURIComponent(attempt.subject)}">${attempt.subject}</a>` : attempt.subject}</td><td>${attempt.attempt}</td><td>${attempt.outcome}</td><td>${attempt.status || '—'}</td><td>${attempt.ms} ms</td><td class="text">${attempt.error}</td></tr>`,
  );
  return layout(
    'Webhook deliveries',
    context,
    html`<p>${configured ? html`Detractors and the daily digest are posted, signed, to <code>${configured}</code>.` : html`No ALERT_WEBHOOK_URL is set: nothing is posted.`}</p>
${attempts.length === 0 ? html`<p class="empty">No deliveries yet.</p>` : html`<table class="deliveries"><thead><tr><th>When</th><th>What</th><th>About</th><th>Attempt</th><th>Outcome</th><th>HTTP</th><th>Time</th><th>Error</th></tr></thead><tbody>${rows}</tbody></table>`}`,
  );
}
