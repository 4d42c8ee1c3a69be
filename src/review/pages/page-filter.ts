import { startOfUtcDay } from '../../reports/day-span.js';
import type { ReportFilter } from '../../reports/report-filter.js';
import type { TrendInterval } from '../../reports/trend.js';
import { TAG_IDS } from '../../tagging/taxonomy.js';
import { describeQueryIssues, trendQuerySchema } from '../query-schemas.js';
import { tagLabel } from './format.js';
import { html, type SafeHtml } from '../../http/html.js';

const DAY_MS = 86_400_000;
/** The pages open on the last 30 days (today included) unless the filter names a range. */
export const DEFAULT_PAGE_DAYS = 30;
const FIELDS = ['from', 'to', 'channel', 'campaignId', 'agentId', 'tag', 'interval'] as const;

export interface PageFilter {
  filter: ReportFilter;
  interval: TrendInterval;
  /** The form's values as typed (blank when unset). */
  values: Record<(typeof FIELDS)[number], string>;
  /** `?from=…&tag=…` with only the fields set, for links that keep the filter ('' when none). */
  queryString: string;
}

export function parsePageFilter(query: Record<string, unknown>, now: number): { ok: true; value: PageFilter } | { ok: false; error: string } {
  const values = Object.fromEntries(FIELDS.map((field) => [field, typeof query[field] === 'string' ? (query[field]).trim() : ''])) as PageFilter['values'];
  const parsed = trendQuerySchema.safeParse(values);
  if (!parsed.success) return { ok: false, error: describeQueryIssues(parsed.error) };
  const { interval, ...filter } = parsed.data;
  if (!filter.from && !filter.to) filter.from = new Date(startOfUtcDay(now) - (DEFAULT_PAGE_DAYS - 1) * DAY_MS);
  const set = FIELDS.filter((field) => values[field] !== '').map((field): [string, string] => [field, values[field]]);
  return { ok: true, value: { filter, interval, values, queryString: set.length ? `?${new URLSearchParams(set).toString()}` : '' } };
}

function option(value: string, label: string, selected: string): SafeHtml {
  return html`<option value="${value}"${value === selected ? html` selected` : html``}>${label}</option>`;
}

/** The dashboard's filter form (GET, so a filtered page can be bookmarked or shared). */
export function filterForm(action: string, values: PageFilter['values'], withInterval: boolean): SafeHtml {
  return html`<form method="get" action="${action}" class="filters">
<label>From <input type="date" name="from" value="${values.from.slice(0, 10)}"></label>
<label>Before <input type="date" name="to" value="${values.to.slice(0, 10)}"></label>
<label>Channel <select name="channel">${option('', 'all', values.channel)}${option('voice', 'voice', values.channel)}${option('chat', 'chat', values.channel)}</select></label>
<label>Campaign <input name="campaignId" value="${values.campaignId}" size="10"></label>
<label>Agent <input name="agentId" value="${values.agentId}" size="10"></label>
<label>Tag <select name="tag">${option('', 'any', values.tag)}${TAG_IDS.map((tag) => option(tag, tagLabel(tag), values.tag))}</select></label>
${withInterval ? html`<label>Trend by <select name="interval">${option('day', 'day', values.interval || 'day')}${option('week', 'week', values.interval || 'day')}</select></label>` : html``}
<button type="submit">Apply</button> <a href="${action}">Reset</a>
</form>`;
}
