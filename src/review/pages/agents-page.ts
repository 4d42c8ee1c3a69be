import type { AgentsReport } from '../../reports/review-reports.js';
import { formatNps, formatPoints } from './format.js';
import { html } from '../../http/html.js';
import { layout, type PageContext } from './layout.js';
import { filterForm, type PageFilter } from './page-filter.js';
import { intervalBar } from './trend-chart.js';

function priorText(report: AgentsReport): string {
  const { prior, company } = report;
  const strength = formatPoints(prior.strength);
  if (prior.source === 'estimated') {
    return `Each agent's NPS is pulled toward the company NPS (${formatNps(company.nps)}) as if the agent had ${strength} more responses shaped like the company's. That weight is estimated from the data: agents differ by a between-agent variance of ${prior.betweenVariance?.toFixed(4)} against a within-agent variance of ${prior.withinVariance?.toFixed(4)} per response, and κ = within ÷ between.`;
  }
  if (prior.source === 'no-difference') {
    return `Agents differ no more than chance would make them (the between-agent variance estimate is 0), so the prior takes its ceiling: the company's whole sample of ${strength} responses. Every agent's figure therefore stays close to the company NPS (${formatNps(company.nps)}) and the ranking says little yet; read the raw figures with their margins.`;
  }
  return `Too few agents or responses to estimate how much agents differ, so each agent's NPS is pulled toward the company NPS (${formatNps(company.nps)}) with a default weight of ${strength} responses.`;
}

export function agentsPage(context: PageContext, filter: PageFilter, report: AgentsReport): string {
  const rows = report.agents.map(
    (agent) => html`<tr data-agent="${agent.agentId}">
<td>${agent.rank}</td>
<td>${agent.agentName ?? agent.agentId}<br><small>${agent.agentId}</small></td>
<td class="num">${agent.raw.total}</td>
<td class="num shrunk">${formatNps(agent.shrunkNps)}</td>
<td class="num">${formatNps(agent.low)} to ${formatNps(agent.high)}</td>
<td>${intervalBar(agent.low, agent.high, agent.shrunkNps, agent.raw.nps)}</td>
<td class="num raw">${formatNps(agent.raw.nps)} <small>± ${formatPoints(agent.raw.marginOfError)}</small></td>
</tr>`,
  );
  return layout(
    'Agents',
    context,
    html`${filterForm('/review/agents', filter.values, false)}
<p class="explain" id="prior">${priorText(report)}</p>
${
  report.agents.length === 0
    ? html`<p class="empty">No scored responses name an agent in this range.</p>`
    : html`<table class="agents"><thead><tr><th>Rank</th><th>Agent</th><th>Scored</th><th>NPS (shrunk)</th><th>95% interval</th><th>−100 … +100</th><th>Raw NPS</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">Ranked by the shrunk NPS. On the bar: the interval, the shrunk estimate (dot) and the raw figure (tick). Company: ${formatNps(report.company.nps)} from ${report.company.total} responses.</p>`
}`,
  );
}
