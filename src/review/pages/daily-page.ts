import type { DailyDigest } from '../../alerts/daily-digest.js';
import { formatNps, formatPoints, formatShare, formatTime, tagLabel } from './format.js';
import { html } from '../../http/html.js';
import { layout, type PageContext } from './layout.js';
import { trendChart } from './trend-chart.js';

export function dailyPage(context: PageContext, digest: DailyDigest): string {
  const { summary } = digest;
  return layout(
    `Daily report for ${digest.day}`,
    context,
    html`<form method="get" action="/review/daily" class="filters"><label>Day <input type="date" name="day" value="${digest.day}"></label> <button type="submit">Show</button></form>
<section class="headline"><div class="nps"><span class="label">NPS</span> <span id="nps" data-value="${summary.nps ?? ''}">${formatNps(summary.nps)}</span> <span class="moe">± ${formatPoints(summary.marginOfError)}</span></div>
${summary.total < 30 ? html`<p class="warning" role="status">Too few responses (${summary.total}) for a reliable figure.</p>` : html``}
<p>${summary.total} scored: ${summary.promoters} promoters, ${summary.passives} passives, ${summary.detractors} detractors. ${summary.volumes ? `${summary.volumes.started} surveys started, ${summary.volumes.completed} completed, ${summary.volumes.optedOut} opted out.` : ''}</p></section>
<section><h2>Last 14 days</h2>${trendChart(digest.trend, 'day')}</section>
<section><h2>Top drivers (last 7 days)</h2>${
      digest.topDrivers.length === 0
        ? html`<p class="empty">No tag pulls the score down this week.</p>`
        : html`<ol>${digest.topDrivers.map((driver) => html`<li>${tagLabel(driver.tag)}: NPS impact +${formatPoints(driver.npsImpact)}, mentioned by ${driver.detractors} detractors (${formatShare(driver.shareOfDetractors)})</li>`)}</ol>`
    }</section>
<section><h2>Open review queue: <span id="open-queue">${digest.openQueue}</span></h2>${
      digest.oldestOpen.length === 0
        ? html`<p class="empty">Nobody is waiting for a call back.</p>`
        : html`<ul>${digest.oldestOpen.map((item) => html`<li><a href="/review/responses/${encodeURIComponent(item.responseId)}">${item.responseId}</a> (${item.kinds.join(', ')}) since ${formatTime(item.createdAt)}, ${item.assignee ?? 'unassigned'}</li>`)}</ul>`
    }</section>`,
  );
}
