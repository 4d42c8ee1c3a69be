import type { SupervisorIdentity } from '../../auth/supervisor-auth.js';
import { effectiveStatus } from '../../store/effective-status.js';
import type { ResponseRecord } from '../../store/response-record.js';
import type { ReviewItem } from '../queue/review-queue.js';
import { categoryBadge, formatShortTime, formatTime } from './format.js';
import { answeredByLabel, channelLabel, languageLabel, reviewReasonLabel, sentimentLabel, statusLabel, tagLabel } from './labels.js';
import { html, type SafeHtml } from '../../http/html.js';
import { csrfField, layout, type PageContext } from './layout.js';

function reviewPanel(item: ReviewItem | null, identity: SupervisorIdentity, supervisors: string[]): SafeHtml {
  if (!item) return html`<section id="review"><h2>Review</h2><p class="empty">Not in the review queue (not a detractor or a score/comment mismatch).</p></section>`;
  const base = `/review/queue/${encodeURIComponent(item.responseId)}`;
  const names = [...new Set([...supervisors, identity.username, ...(item.assignee ? [item.assignee] : [])])].sort();
  const choices = names.map((name) => html`<option value="${name}"${name === item.assignee ? html` selected` : html``}>${name}</option>`);
  const notes = item.notes.map((note) => html`<li><span class="when">${formatTime(note.at)}</span> <strong>${note.by}</strong>: <span class="text" dir="auto">${note.text}</span></li>`);
  const state =
    item.status === 'open'
      ? html`<form method="post" action="${base}/follow-up" class="inline">${csrfField(identity)}<button type="submit" id="follow-up">Mark followed up</button></form>`
      : html`<p id="item-status">Followed up by ${item.followedUpBy ?? '?'} on ${formatTime(item.followedUpAt)}.</p><form method="post" action="${base}/reopen" class="inline">${csrfField(identity)}<button type="submit">Reopen</button></form>`;
  return html`<section id="review"><h2>Review: ${item.kinds.map(reviewReasonLabel).join(', ')}</h2>
<p>In the queue since ${formatTime(item.createdAt)} · <span id="item-state">${item.status === 'open' ? 'open' : 'followed up'}</span> · assigned to <span id="assignee">${item.assignee ?? 'nobody'}</span></p>
<form method="post" action="${base}/assign" class="inline">${csrfField(identity)}<label>Assign to <select name="assignee"><option value="">nobody</option>${choices}</select></label> <button type="submit" id="assign">Assign</button></form>
<form method="post" action="${base}/notes">${csrfField(identity)}<label>Note <textarea name="text" rows="2" maxlength="2000" required></textarea></label> <button type="submit" id="add-note">Add note</button></form>
${state}
<ol class="notes">${notes}</ol></section>`;
}

function turns(record: ResponseRecord): SafeHtml {
  if (record.transcript.length === 0) return html`<p class="empty">No turns recorded.</p>`;
  return html`<ol class="transcript">${record.transcript.map(
    (turn) => html`<li class="${turn.speaker}"><span class="when">${formatTime(turn.at)}</span> <span class="speaker">${turn.speaker === 'bot' ? 'Survey' : 'Customer'}${turn.via ? ` (${answeredByLabel(turn.via)})` : ''}</span> <span class="text" dir="auto" lang="${record.language}">${turn.text}</span></li>`,
  )}</ol>`;
}

export function responsePage(context: PageContext, record: ResponseRecord, item: ReviewItem | null, supervisors: string[], now: number): string {
  const recording = record.recordingUrl
    ? html`<p class="links"><audio controls preload="none" src="/review/responses/${encodeURIComponent(record.id)}/recording"></audio> <a href="/review/responses/${encodeURIComponent(record.id)}/recording">Download the recording</a></p>`
    : html``;
  const who = record.customerName ?? 'Survey';
  return layout(
    `${who}, ${formatShortTime(record.createdAt)}`,
    context,
    html`<dl class="meta">
<div><dt>Score</dt><dd id="score">${record.score ?? '—'} ${categoryBadge(record.category)}</dd></div>
<div><dt>Status</dt><dd id="status">${statusLabel(effectiveStatus(record, now))}${record.test ? ' (test, not counted)' : ''}</dd></div>
<div><dt>Channel</dt><dd>${channelLabel(record.channel)} · ${languageLabel(record.language)}</dd></div>
<div><dt>Customer</dt><dd>${record.customerName ?? '—'} ${record.customerId ? html`<small>${record.customerId}</small>` : html``} ${record.phone ?? ''}</dd></div>
<div><dt>Agent</dt><dd>${record.agentName ?? record.agentId ?? '—'}</dd></div>
<div><dt>Campaign</dt><dd>${record.campaignId ?? '—'}</dd></div>
${record.unverified ? html`<div><dt>Identity</dt><dd id="identity"><span class="badge none">Unverified</span> names as typed on a web page without a signed link; no customer id, agent or campaign taken from it</dd></div>` : html``}
<div><dt>Started</dt><dd>${formatTime(record.createdAt)}</dd></div>
<div><dt>Finished</dt><dd>${formatTime(record.completedAt)}</dd></div>
<div><dt>Topics</dt><dd id="tags">${record.tags.map(tagLabel).join(', ') || '—'}</dd></div>
<div><dt>Sentiment</dt><dd id="sentiment">${sentimentLabel(record.sentiment)}</dd></div>
<div><dt>Reference</dt><dd><small>${record.id}</small></dd></div>
</dl>
<section><h2>Reason</h2><p class="reason text" id="reason" dir="auto" lang="${record.language}">${record.reason ?? '—'}</p>${recording}</section>
<section><h2>Transcript</h2>${turns(record)}</section>
${reviewPanel(item, context.identity, supervisors)}`,
  );
}
