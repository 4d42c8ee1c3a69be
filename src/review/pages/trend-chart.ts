import type { TrendPoint } from '../../reports/trend.js';
import { LOW_SAMPLE_SIZE } from '../../reports/review-reports.js';
import { formatNps, formatPoints } from './format.js';
import { html, type SafeHtml } from '../../http/html.js';

const WIDTH = 760;
const HEIGHT = 260;
const LEFT = 44;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 36;

const y = (nps: number): number => TOP + ((100 - Math.max(-100, Math.min(100, nps))) / 200) * (HEIGHT - TOP - BOTTOM);
const round = (value: number): string => value.toFixed(1);

/** Runs of consecutive points that have data (a day with no scored response breaks the line and the band). */
function segments(points: Array<{ x: number; point: TrendPoint }>): Array<Array<{ x: number; point: TrendPoint }>> {
  const runs: Array<Array<{ x: number; point: TrendPoint }>> = [];
  let current: Array<{ x: number; point: TrendPoint }> = [];
  for (const entry of points) {
    if (entry.point.nps === null) {
      if (current.length) runs.push(current);
      current = [];
    } else current.push(entry);
  }
  if (current.length) runs.push(current);
  return runs;
}

/** Server-drawn SVG: NPS per day or week as a line, its 95% margin of error as a band, hollow dots under 30 responses. */
export function trendChart(points: TrendPoint[], interval: 'day' | 'week'): SafeHtml {
  if (points.length === 0) return html`<p class="empty">No points in this range.</p>`;
  const step = points.length > 1 ? (WIDTH - LEFT - RIGHT) / (points.length - 1) : 0;
  const placed = points.map((point, index) => ({ x: LEFT + (points.length > 1 ? index * step : (WIDTH - LEFT - RIGHT) / 2), point }));
  const grid = [-100, -50, 0, 50, 100].map(
    (value) => html`<line class="grid${value === 0 ? ' zero' : ''}" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${round(y(value))}" y2="${round(y(value))}"/><text class="axis" x="${LEFT - 6}" y="${round(y(value) + 4)}" text-anchor="end">${value}</text>`,
  );
  const runs = segments(placed);
  const bands = runs.map((run) => {
    const upper = run.map(({ x, point }) => `${round(x)},${round(y((point.nps ?? 0) + (point.marginOfError ?? 0)))}`);
    const lower = [...run].reverse().map(({ x, point }) => `${round(x)},${round(y((point.nps ?? 0) - (point.marginOfError ?? 0)))}`);
    return html`<polygon class="band" points="${[...upper, ...lower].join(' ')}"/>`;
  });
  const lines = runs.map((run) => html`<polyline class="line" points="${run.map(({ x, point }) => `${round(x)},${round(y(point.nps ?? 0))}`).join(' ')}"/>`);
  const dots = placed
    .filter(({ point }) => point.nps !== null)
    .map(
      ({ x, point }) =>
        html`<circle class="dot${point.total < LOW_SAMPLE_SIZE ? ' low' : ''}" cx="${round(x)}" cy="${round(y(point.nps ?? 0))}" r="3.5"><title>${point.start.slice(0, 10)}: NPS ${formatNps(point.nps)} ± ${formatPoints(point.marginOfError)} (n = ${point.total})</title></circle>`,
    );
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const last = placed.length - 1;
  const labels = placed
    .filter((_, index) => index % labelEvery === 0 || (index === last && last % labelEvery >= labelEvery / 2))
    .map(({ x, point }) => html`<text class="axis" x="${round(x)}" y="${HEIGHT - BOTTOM + 18}" text-anchor="middle">${point.start.slice(5, 10)}</text>`);
  return html`<figure class="chart"><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="NPS by ${interval} with its 95% margin of error">${grid}${bands}${lines}${dots}${labels}</svg>
<figcaption>NPS by ${interval} (UTC). The shaded band is the 95% margin of error; hollow dots have fewer than ${LOW_SAMPLE_SIZE} responses.</figcaption></figure>`;
}

/** A horizontal interval on the −100…+100 scale: the shrunk estimate's 95% interval, its dot, and the raw figure as a tick. */
export function intervalBar(low: number, high: number, estimate: number, raw: number | null): SafeHtml {
  const width = 220;
  const x = (value: number): string => round(((Math.max(-100, Math.min(100, value)) + 100) / 200) * width);
  return html`<svg class="interval" viewBox="0 0 ${width} 16" width="${width}" height="16" aria-hidden="true"><line class="axis-zero" x1="${x(0)}" x2="${x(0)}" y1="0" y2="16"/><line class="range" x1="${x(low)}" x2="${x(high)}" y1="8" y2="8"/>${raw === null ? html`` : html`<line class="raw" x1="${x(raw)}" x2="${x(raw)}" y1="2" y2="14"/>`}<circle class="estimate" cx="${x(estimate)}" cy="8" r="4"/></svg>`;
}

/** Promoters, passives and detractors as one stacked bar. */
export function categoryBar(promoters: number, passives: number, detractors: number): SafeHtml {
  const total = promoters + passives + detractors;
  if (total === 0) return html``;
  const width = 400;
  const p = (promoters / total) * width;
  const n = (passives / total) * width;
  return html`<svg class="categories" viewBox="0 0 ${width} 18" width="${width}" height="18" aria-hidden="true"><rect class="promoter" x="0" y="0" width="${round(p)}" height="18"/><rect class="passive" x="${round(p)}" y="0" width="${round(n)}" height="18"/><rect class="detractor" x="${round(p + n)}" y="0" width="${round(width - p - n)}" height="18"/></svg>`;
}
