import { html, type SafeHtml } from '../../http/html.js';

/** NPS with its sign and one decimal: +16.7, −4.0; an em dash when there is none. */
export function formatNps(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}`;
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

/** `wait_time` → `Wait time`. */
export function tagLabel(tag: string): string {
  const words = tag.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function categoryBadge(category: string | null): SafeHtml {
  return category ? html`<span class="badge ${category}">${category}</span>` : html`<span class="badge none">no score</span>`;
}
