import type { TrendPoint } from '../../reports/trend.js';
import { LOW_SAMPLE_SIZE } from '../../reports/review-reports.js';
import { formatNps, formatPoints } from './format.js';
import { html, type SafeHtml } from '../../http/html.js';

/*
 * The chart is laid out in percentages of its box (its height is set in CSS, per screen width), so
 * its text stays 12 px at any width instead of shrinking with a scaled viewBox. The line and band
 * are drawn in an inner 1000 × 1000 box stretched over the whole chart.
 */
const LEFT = 5;
const RIGHT = 95;
const TOP = 9;
const BOTTOM = 86;

const percent = (value: number): string => `${value.toFixed(2)}%`;
const y = (nps: number): number => TOP + ((100 - Math.max(-100, Math.min(100, nps))) / 200) * (BOTTOM - TOP);
const inner = (value: number): string => (value * 10).toFixed(1);
const axisDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

interface Placed {
  x: number;
  point: TrendPoint;
}

/** Runs of consecutive points that have data (a day with no scored response breaks the line and the band). */
function segments(points: Placed[]): Placed[][] {
  const runs: Placed[][] = [];
  let current: Placed[] = [];
  for (const entry of points) {
    if (entry.point.nps === null) {
      if (current.length) runs.push(current);
      current = [];
    } else current.push(entry);
  }
  if (current.length) runs.push(current);
  return runs;
}

/** Which points get a date under the axis: about 8 on a wide screen, half of those on a phone. */
function axisLabels(placed: Placed[]): SafeHtml[] {
  const every = Math.max(1, Math.ceil(placed.length / 8));
  const last = placed.length - 1;
  return placed.flatMap(({ x, point }, index) => {
    const wide = index % every === 0 || (index === last && last % every >= every / 2);
    if (!wide) return [];
    const phone = index % (every * 2) === 0;
    return [html`<text class="axis${phone ? '' : ' wide-only'}" x="${percent(x)}" y="96%" text-anchor="middle">${axisDay.format(new Date(point.start))}</text>`];
  });
}

/** Server-drawn SVG: NPS per day or week as a line, its 95% margin of error as a band, hollow dots under 30 responses. */
export function trendChart(points: TrendPoint[], interval: 'day' | 'week'): SafeHtml {
  if (points.length === 0) return html`<p class="empty">No points in this range.</p>`;
  const placed = points.map((point, index) => ({ x: points.length > 1 ? LEFT + (index * (RIGHT - LEFT)) / (points.length - 1) : (LEFT + RIGHT) / 2, point }));
  const grid = [100, 50, 0, -50, -100].map(
    (value) =>
      html`<line class="grid${value === 0 ? ' zero' : ''}" x1="0" x2="100%" y1="${percent(y(value))}" y2="${percent(y(value))}"/><text class="axis y" x="0" y="${percent(y(value))}" dy="-4">${value > 0 ? `+${value}` : formatNps(value).replace('.0', '')}</text>`,
  );
  const runs = segments(placed);
  const bands = runs.map((run) => {
    const upper = run.map(({ x, point }) => `${inner(x)},${inner(y((point.nps ?? 0) + (point.marginOfError ?? 0)))}`);
    const lower = [...run].reverse().map(({ x, point }) => `${inner(x)},${inner(y((point.nps ?? 0) - (point.marginOfError ?? 0)))}`);
    return html`<polygon class="band" points="${[...upper, ...lower].join(' ')}"/>`;
  });
  const lines = runs.map((run) => html`<polyline class="line" vector-effect="non-scaling-stroke" points="${run.map(({ x, point }) => `${inner(x)},${inner(y(point.nps ?? 0))}`).join(' ')}"/>`);
  const dots = placed
    .filter(({ point }) => point.nps !== null)
    .map(
      ({ x, point }) =>
        html`<circle class="dot${point.total < LOW_SAMPLE_SIZE ? ' low' : ''}" cx="${percent(x)}" cy="${percent(y(point.nps ?? 0))}" r="3.5"><title>${point.start.slice(0, 10)}: NPS ${formatNps(point.nps)} ± ${formatPoints(point.marginOfError)} (n = ${point.total})</title></circle>`,
    );
  return html`<figure class="chart"><svg class="trend" role="img" aria-label="NPS by ${interval} with its 95% margin of error">${grid}<svg width="100%" height="100%" viewBox="0 0 1000 1000" preserveAspectRatio="none" aria-hidden="true">${bands}${lines}</svg>${dots}${axisLabels(placed)}</svg>
<figcaption>NPS by ${interval} (UTC). The shaded band is the 95% margin of error; hollow dots have fewer than ${LOW_SAMPLE_SIZE} responses.</figcaption></figure>`;
}

/** A horizontal interval on the −100…+100 scale: the agent's 95% interval and the estimate as a dot, with 0 marked. */
export function intervalBar(low: number, high: number, estimate: number): SafeHtml {
  const x = (value: number): string => percent((Math.max(-100, Math.min(100, value)) + 100) / 2);
  return html`<svg class="interval" aria-hidden="true"><line class="track" x1="0" x2="100%" y1="50%" y2="50%"/><line class="axis-zero" x1="50%" x2="50%" y1="0" y2="100%"/><line class="range" x1="${x(low)}" x2="${x(high)}" y1="50%" y2="50%"/><circle class="estimate" cx="${x(estimate)}" cy="50%" r="5"/></svg>`;
}

/** Promoters, passives and detractors as one stacked bar. */
export function categoryBar(promoters: number, passives: number, detractors: number): SafeHtml {
  const total = promoters + passives + detractors;
  if (total === 0) return html``;
  const p = (promoters / total) * 100;
  const n = (passives / total) * 100;
  return html`<svg class="categories" aria-hidden="true"><rect class="promoter" x="0" y="0" width="${percent(p)}" height="100%"/><rect class="passive" x="${percent(p)}" y="0" width="${percent(n)}" height="100%"/><rect class="detractor" x="${percent(p + n)}" y="0" width="${percent(100 - p - n)}" height="100%"/></svg>`;
}
