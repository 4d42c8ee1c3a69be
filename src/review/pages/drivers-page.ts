import type { DriversReport } from '../../reports/review-reports.js';
import { formatNps, formatPoints, formatShare, tagLabel } from './format.js';
import { html } from '../../http/html.js';
import { layout, type PageContext } from './layout.js';
import { filterForm, type PageFilter } from './page-filter.js';

export function driversPage(context: PageContext, filter: PageFilter, report: DriversReport): string {
  const present = report.drivers.filter((driver) => driver.total > 0);
  const rows = present.map(
    (driver) => html`<tr data-tag="${driver.tag}">
<td>${tagLabel(driver.tag)}</td>
<td class="num">${driver.detractors} <small>${formatShare(driver.shareOfDetractors)}</small></td>
<td class="num">${driver.promoters} <small>${formatShare(driver.shareOfPromoters)}</small></td>
<td class="num impact">${driver.npsImpact === null ? '—' : `${driver.npsImpact > 0 ? '+' : ''}${formatPoints(driver.npsImpact)}`}</td>
<td class="examples">${driver.examples.map(
      (example) => html`<blockquote><a href="/review/responses/${encodeURIComponent(example.id)}">${example.score}/10</a> ${example.reason}</blockquote>`,
    )}</td>
</tr>`,
  );
  return layout(
    'What drives the score',
    context,
    html`${filterForm('/review/drivers', filter.values, false)}
<p class="explain">Overall NPS ${formatNps(report.overall.nps)} from ${report.overall.total} responses. For each reason tag: how many detractors and promoters mention it (share of all detractors, of all promoters), and its NPS impact: the NPS of the responses without the tag minus the overall NPS. A positive impact means the tag pulls the score down.</p>
${
  present.length === 0
    ? html`<p class="empty">No tagged reasons in this range.</p>`
    : html`<table class="drivers"><thead><tr><th>Tag</th><th>Detractors</th><th>Promoters</th><th>NPS impact</th><th>Example comments</th></tr></thead><tbody>${rows}</tbody></table>`
}`,
  );
}
