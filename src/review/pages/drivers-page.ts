import type { DriversReport } from '../../reports/review-reports.js';
import { formatNps, formatPoints, formatShare } from './format.js';
import { html, type SafeHtml } from '../../http/html.js';
import { tagLabel } from './labels.js';
import { layout, type PageContext } from './layout.js';
import { filterForm, type PageFilter } from './page-filter.js';

/**
 * A tag's NPS impact (NPS without the tag − overall NPS) read the way a person says it: a tag that
 * pulls the score down "costs" points, one that lifts it "adds" them.
 */
export function npsEffect(impact: number | null): SafeHtml {
  if (impact === null) return html`<span class="effect none">—</span>`;
  const points = Math.round(Math.abs(impact) * 10) / 10;
  if (points === 0) return html`<span class="effect none" data-effect="none">no effect</span>`;
  const amount = `${points.toFixed(1)} NPS point${points === 1 ? '' : 's'}`;
  return impact > 0 ? html`<span class="effect harm" data-effect="harm">costs ${amount}</span>` : html`<span class="effect help" data-effect="help">adds ${amount}</span>`;
}

/** "2 detractors (22.2%)". */
export function people(count: number, one: string, share: number | null): string {
  return `${count} ${count === 1 ? one : `${one}s`} (${formatShare(share)})`;
}

/** One line on how to read the effects, with the page's own top topic as the example. */
function explanation(report: DriversReport): string {
  const overall = `The NPS is ${formatNps(report.overall.nps)} from ${report.overall.total} responses.`;
  const top = report.drivers.find((driver) => driver.total > 0 && driver.npsImpact !== null && Math.abs(driver.npsImpact) >= 0.05);
  if (!top || top.npsImpact === null) return `${overall} Each topic “costs” the points the NPS would gain without the responses that mention it, or “adds” the points it would lose.`;
  const points = formatPoints(Math.abs(top.npsImpact));
  const example =
    top.npsImpact > 0
      ? `“${tagLabel(top.tag)} costs ${points} NPS points” means that without the responses mentioning it the NPS would be ${points} points higher`
      : `“${tagLabel(top.tag)} adds ${points} NPS points” means that without the responses mentioning it the NPS would be ${points} points lower`;
  return `${overall} ${example}; red costs, green adds.`;
}

export function driversPage(context: PageContext, filter: PageFilter, report: DriversReport): string {
  const present = report.drivers.filter((driver) => driver.total > 0);
  const rows = present.map(
    (driver) => html`<tr data-tag="${driver.tag}">
<td class="topic"><strong>${tagLabel(driver.tag)}</strong></td>
<td class="impact">${npsEffect(driver.npsImpact)}</td>
<td data-label="Mentioned by">${people(driver.detractors, 'detractor', driver.shareOfDetractors)}<br>${people(driver.promoters, 'promoter', driver.shareOfPromoters)}</td>
<td data-label="Customers said" class="examples">${
      driver.examples.length === 0
        ? html`<span class="empty">No comment in the latest responses.</span>`
        : driver.examples.map((example) => html`<blockquote><a class="action" href="/review/responses/${encodeURIComponent(example.id)}">${example.score}/10</a> <span class="said">${example.reason}</span></blockquote>`)
    }</td>
</tr>`,
  );
  return layout(
    'What drives the score',
    context,
    html`${filterForm('/review/drivers', filter, false)}
<p class="explain" id="drivers-explain">${explanation(report)}</p>
${
  present.length === 0
    ? html`<p class="empty">No tagged reasons in this range.</p>`
    : html`<table class="drivers cards"><thead><tr><th>Topic</th><th>Effect on NPS</th><th>Mentioned by (share of all)</th><th>What customers said</th></tr></thead><tbody>${rows}</tbody></table>`
}`,
  );
}
