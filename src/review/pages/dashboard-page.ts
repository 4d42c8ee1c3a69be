import type { ResponseRecord } from '../../store/response-record.js';
import type { SummaryReport, TrendReport } from '../../reports/review-reports.js';
import type { ReviewItem } from '../queue/review-queue.js';
import { categoryBadge, formatPoints, formatShare, formatShortTime, formatTime, headlineNps } from './format.js';
import { channelLabel, reviewReasonLabel, tagLabel } from './labels.js';
import { html, type SafeHtml } from '../../http/html.js';
import { layout, type PageContext } from './layout.js';
import { apiQueryString, filterForm, type PageFilter } from './page-filter.js';
import { categoryBar, trendChart } from './trend-chart.js';

export interface DashboardData {
  summary: SummaryReport;
  trend: TrendReport;
  openQueue: { items: ReviewItem[]; total: number };
  responsesById: Map<string, ResponseRecord>;
  latest: ResponseRecord[];
}

function headline(summary: SummaryReport): SafeHtml {
  const warning =
    summary.total < 30
      ? html`<p class="warning" id="low-sample" role="status">Too few responses: ${summary.total} scored (fewer than 30), so this NPS can move a lot with a few more answers.</p>`
      : html``;
  return html`<section class="headline">
<div class="nps"><span class="label">NPS</span> ${headlineNps(summary.nps)}
${summary.nps === null ? html`` : html`<span class="moe">± <span id="margin" data-value="${summary.marginOfError ?? ''}">${formatPoints(summary.marginOfError)}</span> <small>(95% margin of error)</small></span>`}</div>
${warning}
<dl class="counts">
<div><dt>Scored</dt><dd id="total">${summary.total}</dd></div>
<div><dt>Promoters (9–10)</dt><dd id="promoters">${summary.promoters}</dd></div>
<div><dt>Passives (7–8)</dt><dd id="passives">${summary.passives}</dd></div>
<div><dt>Detractors (0–6)</dt><dd id="detractors">${summary.detractors}</dd></div>
</dl>
${categoryBar(summary.promoters, summary.passives, summary.detractors)}
<p class="range">${formatTime(summary.from)} to ${formatTime(summary.to)} (scored in this range)</p>
</section>`;
}

function volumes(summary: SummaryReport): SafeHtml {
  if (!summary.volumes) return html`<p class="note">Survey volumes are not split by tag (tags exist only on scored reasons).</p>`;
  const v = summary.volumes;
  return html`<section><h2>Responses</h2><dl class="counts">
<div><dt>Surveys started</dt><dd id="started">${v.started}</dd></div>
<div><dt>Scored (response rate)</dt><dd>${summary.total} <small id="response-rate">${formatShare(summary.responseRate)}</small></dd></div>
<div><dt>Completed with a reason</dt><dd id="completed">${v.completed} <small>${formatShare(summary.completionRate)}</small></dd></div>
<div><dt>Opted out</dt><dd id="opted-out">${v.optedOut} <small>${formatShare(summary.optOutRate)}</small></dd></div>
<div><dt>Score, no reason</dt><dd>${v.partial}</dd></div>
<div><dt>Abandoned</dt><dd>${v.abandoned}</dd></div>
</dl></section>`;
}

export function reasonPreview(record: ResponseRecord | undefined, length = 140): string {
  if (!record) return '(response erased)';
  const reason = record.reason ?? '';
  return reason.length > length ? `${reason.slice(0, length)}…` : reason;
}

function queueTable(openQueue: DashboardData['openQueue'], responses: Map<string, ResponseRecord>): SafeHtml {
  if (openQueue.total === 0) return html`<p class="empty">Nobody is waiting for a call back.</p>`;
  const rows = openQueue.items.map((item) => {
    const record = responses.get(item.responseId);
    return html`<tr><td data-label="Since" class="when">${formatShortTime(item.createdAt)}</td><td data-label="Why">${item.kinds.map(reviewReasonLabel).join(', ')}</td><td data-label="Score">${record?.score ?? '—'}</td><td data-label="Reason" class="text" dir="auto"${record ? html` lang="${record.language}"` : html``}>${reasonPreview(record)}</td><td data-label="Assigned">${item.assignee ?? 'Nobody yet'}</td><td class="go"><a class="action" href="/review/responses/${encodeURIComponent(item.responseId)}#review">Open</a></td></tr>`;
  });
  return html`<table class="cards"><thead><tr><th>Since (UTC)</th><th>Why</th><th>Score</th><th>Reason</th><th>Assigned</th><th></th></tr></thead><tbody>${rows}</tbody></table>
<p class="links"><a href="/review/queue">All ${openQueue.total} open items</a></p>`;
}

function latestTable(latest: ResponseRecord[]): SafeHtml {
  if (latest.length === 0) return html`<p class="empty">No responses yet.</p>`;
  const rows = latest.map(
    (record) =>
      html`<tr><td data-label="Started" class="when">${formatShortTime(record.createdAt)}</td><td data-label="Channel">${channelLabel(record.channel)}${record.test ? html` <span class="badge none">Test</span>` : html``}</td><td data-label="Score">${record.score ?? '—'} ${categoryBadge(record.category)}</td><td data-label="Reason" class="text" dir="auto" lang="${record.language}">${reasonPreview(record)}</td><td data-label="Topics">${record.tags.map(tagLabel).join(', ') || '—'}</td><td class="go"><a class="action" href="/review/responses/${encodeURIComponent(record.id)}">Transcript</a></td></tr>`,
  );
  return html`<table class="cards"><thead><tr><th>Started (UTC)</th><th>Channel</th><th>Score</th><th>Reason</th><th>Topics</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function dashboardPage(context: PageContext, filter: PageFilter, data: DashboardData): string {
  const exportQuery = apiQueryString(filter);
  return layout(
    'Customer satisfaction',
    context,
    html`${filterForm('/review', filter, true)}
${headline(data.summary)}
${volumes(data.summary)}
<section><h2>Trend</h2>${trendChart(data.trend.points, data.trend.interval)}</section>
<section><h2>Review queue</h2>${queueTable(data.openQueue, data.responsesById)}</section>
<section><h2>Latest responses</h2>${latestTable(data.latest)}
<p class="links"><a href="/review/responses">All responses</a> <a href="/api/review/export.csv${exportQuery}" download>Export CSV (these filters)</a></p></section>`,
  );
}
