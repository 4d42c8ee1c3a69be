import { html, type SafeHtml } from '../../http/html.js';
import { categoryLabel } from './labels.js';

const MINUS = '\u2212';

/** NPS with its sign and one decimal: +16.7, −4.0; an em dash when there is none. */
export function formatNps(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? MINUS : ''}${Math.abs(rounded).toFixed(1)}`;
}

/** A whole-number NPS for sentences: +18, −20, 0. */
export function formatWholeNps(value: number): string {
  const rounded = Math.round(value);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `${MINUS}${-rounded}` : '0';
}

export function formatPoints(value: number | null): string {
  return value === null ? '—' : (Math.round(value * 10) / 10).toFixed(1);
}

export function formatShare(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

export function formatTime(iso: string | null): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/:\d\dZ$/, ' UTC') : '—';
}

const SHORT_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `2 Dec 09:05` (UTC) for lists, where the column says UTC once. */
export function formatShortTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : SHORT_TIME.format(date).replace(',', '');
}

export function categoryBadge(category: string | null): SafeHtml {
  return category ? html`<span class="badge ${category}">${categoryLabel(category)}</span>` : html`<span class="badge none">No score</span>`;
}

/** The headline NPS: the figure, or words when nothing was scored (an em dash at 3rem reads as a black bar). */
export function headlineNps(nps: number | null): SafeHtml {
  return nps === null
    ? html`<span id="nps" class="none" data-value="">No scores yet</span>`
    : html`<span id="nps" data-value="${nps}">${formatNps(nps)}</span>`;
}
