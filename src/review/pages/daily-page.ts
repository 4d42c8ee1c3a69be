import type { DailyDigest } from '../../alerts/daily-digest.js';
import type { ResponseRecord } from '../../store/response-record.js';
import { npsEffect, people } from './drivers-page.js';
import { formatPoints, formatShortTime, headlineNps } from './format.js';
import { html, type SafeHtml } from '../../http/html.js';
import { reviewReasonLabel, tagLabel } from './labels.js';
import { layout, type PageContext } from './layout.js';
import { trendChart } from './trend-chart.js';

type OpenItem = DailyDigest['oldestOpen'][number];

/** One waiting customer, named by who they are and when, not by the response id. */
function openItem(item: OpenItem, record: ResponseRecord | undefined): SafeHtml {
  const who = record ? (record.customerName ?? (record.agentName ? `A customer of ${record.agentName}` : 'A customer')) : 'Erased response';
  const details = [
    reviewReasonLabel(item.kinds[0] ?? 'detractor') + (item.kinds.length > 1 ? ` and ${item.kinds.slice(1).map(reviewReasonLabel).join(', ').toLowerCase()}` : ''),
    ...(record?.score !== null && record?.score !== undefined ? [`score ${record.score}`] : []),
    ...(record?.agentName || record?.agentId ? [`agent ${record.agentName ?? record.agentId ?? ''}`] : []),
    item.assignee ? `assigned to ${item.assignee}` : 'nobody assigned',
  ];
  return html`<li data-item="${item.responseId}"><a class="action" href="/review/responses/${encodeURIComponent(item.responseId)}#review">${who}, ${formatShortTime(record?.createdAt ?? item.createdAt)}</a> <span class="details">${details.map((detail, index) => html`${index ? ' · ' : ''}<span class="nowrap">${detail}</span>`)}</span></li>`;
}

export function dailyPage(context: PageContext, digest: DailyDigest, records: Map<string, ResponseRecord>): string {
  const { summary } = digest;
  return layout(
    `Daily report for ${digest.day}`,
    context,
    html`<form method="get" action="/review/daily" class="filters"><label>Day <input type="date" name="day" value="${digest.day}"></label> <div class="buttons"><button type="submit">Show</button></div></form>
<section class="headline"><div class="nps"><span class="label">NPS</span> ${headlineNps(summary.nps)} ${summary.nps === null ? html`` : html`<span class="moe">± ${formatPoints(summary.marginOfError)}</span>`}</div>
${summary.total < 30 ? html`<p class="warning" role="status">${summary.total === 0 ? 'Nobody gave a score on this day.' : `Too few responses (${summary.total}) for a reliable figure.`}</p>` : html``}
<p>${summary.total} scored: ${summary.promoters} promoters, ${summary.passives} passives, ${summary.detractors} detractors. ${summary.volumes ? `${summary.volumes.started} surveys started, ${summary.volumes.completed} completed, ${summary.volumes.optedOut} opted out.` : ''}</p></section>
<section><h2>Last 14 days</h2>${trendChart(digest.trend, 'day')}</section>
<section><h2>Top drivers (last 7 days)</h2>${
      digest.topDrivers.length === 0
        ? html`<p class="empty">No topic pulls the score down this week.</p>`
        : html`<ol>${digest.topDrivers.map((driver) => html`<li><strong>${tagLabel(driver.tag)}</strong> ${npsEffect(driver.npsImpact)}, mentioned by ${people(driver.detractors, 'detractor', driver.shareOfDetractors)}</li>`)}</ol>`
    }</section>
<section><h2>Open review queue: <span id="open-queue">${digest.openQueue}</span></h2>${
      digest.oldestOpen.length === 0
        ? html`<p class="empty">Nobody is waiting for a call back.</p>`
        : html`<p class="note">Oldest first (times in UTC).</p><ul class="people">${digest.oldestOpen.map((item) => openItem(item, records.get(item.responseId)))}</ul>`
    }</section>`,
  );
}
