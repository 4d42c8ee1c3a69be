import type { AgentsReport } from '../../reports/review-reports.js';
import { agentLabel } from '../agent-match.js';
import { clearlyAbove, groupOverlapping } from './agent-groups.js';
import { formatNps, formatPoints, formatWholeNps } from './format.js';
import { html, type SafeHtml } from '../../http/html.js';
import { layout, type PageContext } from './layout.js';
import { filterForm, type PageFilter } from './page-filter.js';
import { intervalBar } from './trend-chart.js';

type Agent = AgentsReport['agents'][number];

const AND = new Intl.ListFormat('en-GB', { type: 'conjunction' });

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

/** "Sam" for Sam Carter; the id when no response carried a name. */
function shortName(agent: Agent): string {
  return agent.agentName?.trim().split(/\s+/)[0] ?? agent.agentId;
}

const names = (agents: Agent[]): string => AND.format(agents.map(shortName));

/** "Sam’s NPS, adjusted for the 11 responses we have: −20 (could be −58 to +18)". */
export function agentSentence(agent: Agent): SafeHtml {
  const responses = agent.raw.total === 1 ? 'the 1 response' : `the ${agent.raw.total} responses`;
  return html`${shortName(agent)}’s NPS, adjusted for ${responses} we have: <strong class="shrunk">${formatWholeNps(agent.shrunkNps)}</strong> <span class="range">(could be ${formatWholeNps(agent.low)} to ${formatWholeNps(agent.high)})</span>`;
}

function groupHeading(group: Agent[], index: number, groups: Agent[][]): SafeHtml {
  const previous = groups[index - 1];
  const below = previous && group[0] ? clearlyAbove(group[0], previous) : [];
  const notes = [
    ...(group.length > 1 && groups.length === 1 ? [`${names(group)}: every range overlaps the others, so none stands out yet.`] : []),
    ...(group.length > 1 && groups.length > 1 ? [`No clear difference between ${names(group)}: their ranges overlap.`] : []),
    ...(below.length ? [`Clearly lower than ${names(below)}.`] : []),
  ];
  const title = groups.length === 1 ? (group.length > 1 ? 'No clear difference' : 'One agent') : index === 0 ? 'Highest' : index === groups.length - 1 ? 'Lowest' : `Group ${index + 1}`;
  return html`<h2>${title}</h2>${notes.length ? html`<p class="note">${notes.join(' ')}</p>` : html``}`;
}

function agentGroups(report: AgentsReport): SafeHtml {
  const groups = groupOverlapping(report.agents);
  return html`<ol class="agent-groups">${groups.map(
    (group, index) => html`<li class="agent-group" data-group="${index + 1}">${groupHeading(group, index, groups)}<ul class="agents">${group.map(
      (agent) => html`<li data-agent="${agent.agentId}"><div><div class="who">${agentLabel(agent)}</div><div class="estimate">${agentSentence(agent)}</div></div>${intervalBar(agent.low, agent.high, agent.shrunkNps)}</li>`,
    )}</ul></li>`,
  )}</ol>`;
}

function howComputed(report: AgentsReport): SafeHtml {
  const rows = report.agents.map(
    (agent) => html`<tr data-agent="${agent.agentId}">
<td data-label="Agent">${agentLabel(agent)} <small>${agent.agentId}</small></td>
<td data-label="Scored" class="num">${agent.raw.total}</td>
<td data-label="Raw NPS" class="num raw">${formatNps(agent.raw.nps)} <small>± ${formatPoints(agent.raw.marginOfError)}</small></td>
<td data-label="Adjusted" class="num">${formatNps(agent.shrunkNps)}</td>
<td data-label="95% interval" class="num">${formatNps(agent.low)} to ${formatNps(agent.high)}</td>
</tr>`,
  );
  return html`<details class="how"><summary>How this is computed</summary>
<p>A few surveys say little about an agent, so each agent’s NPS is adjusted toward the company’s: the fewer responses an agent has, the closer to the company figure, and the wider the range it could be in. Agents whose ranges overlap are grouped: the data cannot tell them apart yet.</p>
<p class="explain" id="prior">${priorText(report)}</p>
${report.agents.length ? html`<table class="agents-raw cards"><thead><tr><th>Agent</th><th>Scored</th><th>Raw NPS ± margin</th><th>Adjusted NPS</th><th>95% interval</th></tr></thead><tbody>${rows}</tbody></table>` : html``}
<p class="note">Company: ${formatNps(report.company.nps)} from ${report.company.total} responses. Each bar runs from −100 to +100 with 0 marked; the dot is the adjusted NPS and the thick line the 95% interval.</p>
</details>`;
}

export function agentsPage(context: PageContext, filter: PageFilter, report: AgentsReport): string {
  return layout(
    'Agents',
    context,
    html`${filterForm('/review/agents', filter, false)}
${report.agents.length === 0 ? html`<p class="empty">No scored responses name an agent in this range.</p>` : agentGroups(report)}
${howComputed(report)}`,
  );
}
