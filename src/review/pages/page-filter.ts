import type { ReportCalendar } from '../../reports/report-calendar.js';
import type { ReportFilter } from '../../reports/report-filter.js';
import type { TrendInterval } from '../../reports/trend.js';
import { TAG_IDS } from '../../tagging/taxonomy.js';
import { agentLabel, matchAgent, type AgentMatch, type AgentOption } from '../agent-match.js';
import { describeQueryIssues, trendQuerySchema } from '../query-schemas.js';
import { datesAsLocalDays } from '../local-dates.js';
import { channelLabel, FILTER_CHANNELS, tagLabel } from './labels.js';
import { html, type SafeHtml } from '../../http/html.js';

/** The pages open on the last 30 days (today included) unless the filter names a range. */
export const DEFAULT_PAGE_DAYS = 30;
const FIELDS = ['from', 'to', 'channel', 'campaignId', 'agent', 'tag', 'interval'] as const;
const AGENT_TEXT_MAX = 80;
/** Suggestions the agent field offers; the filter still finds agents past this many. */
const AGENT_SUGGESTIONS_MAX = 500;

export interface PageFilter {
  /** The report filter; `agentId` is set once the agent field has been matched to an agent. */
  filter: ReportFilter;
  interval: TrendInterval;
  /** The form's values as typed (blank when unset). `agent` is a name or an id. */
  values: Record<(typeof FIELDS)[number], string>;
  /** `?from=…&tag=…` with only the fields set, for links that keep the filter ('' when none). */
  queryString: string;
  /** The agents seen in the range (the field's suggestions) and what the typed agent matched. */
  agents: AgentOption[];
  agentMatch: AgentMatch | null;
}

export function parsePageFilter(query: Record<string, unknown>, now: number, calendar: ReportCalendar): { ok: true; value: PageFilter } | { ok: false; error: string } {
  const read = (field: string): string => (typeof query[field] === 'string' ? query[field].trim() : '');
  const values = Object.fromEntries(FIELDS.map((field) => [field, read(field)])) as PageFilter['values'];
  // Links bookmarked before the field took names carry `agentId`.
  if (values.agent === '') values.agent = read('agentId');
  if (values.agent.length > AGENT_TEXT_MAX) return { ok: false, error: `agent: at most ${AGENT_TEXT_MAX} characters` };
  const { agent: _agent, ...checked } = values;
  const parsed = trendQuerySchema.safeParse(checked);
  if (!parsed.success) return { ok: false, error: describeQueryIssues(parsed.error) };
  const { interval, ...parsedFilter } = parsed.data;
  const filter = datesAsLocalDays(parsedFilter, checked, calendar);
  if (!filter.from && !filter.to) filter.from = new Date(calendar.dayStart(calendar.addDays(calendar.dayOf(now), -(DEFAULT_PAGE_DAYS - 1))));
  const set = FIELDS.filter((field) => values[field] !== '').map((field): [string, string] => [field, values[field]]);
  return { ok: true, value: { filter, interval, values, queryString: set.length ? `?${new URLSearchParams(set).toString()}` : '', agents: [], agentMatch: null } };
}

/** Reads the agent field against the agents seen in the range; an agent it finds narrows the filter. */
export function applyAgentField(pageFilter: PageFilter, agents: AgentOption[]): PageFilter {
  const text = pageFilter.values.agent;
  const agentMatch = text === '' ? null : matchAgent(text, agents);
  const filter = agentMatch?.kind === 'found' ? { ...pageFilter.filter, agentId: agentMatch.agent.agentId } : pageFilter.filter;
  return { ...pageFilter, filter, agents, agentMatch };
}

/** The filter as the JSON and CSV API read it (`agentId` for the agent found; nothing for one not found). */
export function apiQueryString(pageFilter: PageFilter): string {
  const { agent: _agent, interval: _interval, ...rest } = pageFilter.values;
  const set = Object.entries(rest).filter(([, value]) => value !== '');
  if (pageFilter.filter.agentId) set.push(['agentId', pageFilter.filter.agentId]);
  return set.length ? `?${new URLSearchParams(set).toString()}` : '';
}

function option(value: string, label: string, selected: string): SafeHtml {
  return html`<option value="${value}"${value === selected ? html` selected` : html``}>${label}</option>`;
}

const AND = new Intl.ListFormat('en-GB', { type: 'conjunction' });
const OR = new Intl.ListFormat('en-GB', { type: 'disjunction' });

function listNames(agents: AgentOption[], max: number, list: Intl.ListFormat): string {
  const names = agents.slice(0, max).map(agentLabel);
  if (agents.length > max) names.push(`${agents.length - max} more`);
  return list.format(names);
}

/** What the agent field found, said above the figures (nothing when the field is blank). */
export function agentNotice(pageFilter: PageFilter): SafeHtml {
  const match = pageFilter.agentMatch;
  if (!match) return html``;
  if (match.kind === 'found') {
    const { agent } = match;
    return html`<p class="note filter-note" id="agent-notice">Showing ${agentLabel(agent)}${agent.agentName ? ` (${agent.agentId})` : ''}.</p>`;
  }
  const seen = pageFilter.agents.length ? html` Agents in this range: ${listNames(pageFilter.agents, 8, AND)}.` : html` No survey in this range names an agent.`;
  const what =
    match.kind === 'ambiguous'
      ? html`“${match.text}” could be ${listNames(match.candidates, 8, OR)}: type more of the name, or the id.`
      : html`No agent called “${match.text}” has a survey in this range.${seen}`;
  return html`<p class="warning filter-note" id="agent-notice" role="status">${what} These figures are for every agent.</p>`;
}

function agentSuggestions(agents: AgentOption[]): SafeHtml {
  const names = new Map<string, number>();
  for (const agent of agents) if (agent.agentName) names.set(agent.agentName, (names.get(agent.agentName) ?? 0) + 1);
  // Two agents with one name are suggested by id, so each suggestion finds one agent.
  const options = agents
    .slice(0, AGENT_SUGGESTIONS_MAX)
    .map((agent) => (agent.agentName && names.get(agent.agentName) === 1 ? html`<option value="${agent.agentName}">${agent.agentId}</option>` : html`<option value="${agent.agentId}">${agent.agentName ?? ''}</option>`));
  return html`<datalist id="agents-seen">${options}</datalist>`;
}

/** The dashboard's filter form (GET, so a filtered page can be bookmarked or shared). */
export function filterForm(action: string, pageFilter: PageFilter, withInterval: boolean): SafeHtml {
  const { values } = pageFilter;
  return html`<form method="get" action="${action}" class="filters">
<label>From <input type="date" name="from" value="${values.from.slice(0, 10)}"></label>
<label>Before <input type="date" name="to" value="${values.to.slice(0, 10)}"></label>
<label>Channel <select name="channel">${option('', 'All channels', values.channel)}${FILTER_CHANNELS.map((channel) => option(channel, channelLabel(channel), values.channel))}</select></label>
<label>Agent <input name="agent" value="${values.agent}" list="agents-seen" autocomplete="off" placeholder="Name or id" maxlength="${AGENT_TEXT_MAX}"></label>
${agentSuggestions(pageFilter.agents)}
<label>Campaign <input name="campaignId" value="${values.campaignId}"></label>
<label>Topic <select name="tag">${option('', 'Any topic', values.tag)}${TAG_IDS.map((tag) => option(tag, tagLabel(tag), values.tag))}</select></label>
${withInterval ? html`<label>Trend by <select name="interval">${option('day', 'Day', values.interval || 'day')}${option('week', 'Week', values.interval || 'day')}</select></label>` : html``}
<div class="buttons"><button type="submit">Apply</button> <a class="action" href="${action}">Reset</a></div>
</form>
${agentNotice(pageFilter)}`;
}
