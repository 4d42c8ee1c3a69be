import type { SupervisorIdentity } from '../../auth/supervisor-auth.js';
import { html, type SafeHtml } from '../../http/html.js';

export type Section = 'dashboard' | 'agents' | 'drivers' | 'queue' | 'responses' | 'daily' | 'alerts';

export interface PageContext {
  identity: SupervisorIdentity;
  active: Section;
  /** The dashboard filters as a query string (`?from=…`), carried by the navigation links. */
  filterQuery?: string;
}

/** Section, its label, a shorter one for a phone's navigation (when it needs one), and its path. */
const SECTIONS: Array<[Section, string, string | null, string]> = [
  ['dashboard', 'Dashboard', null, '/review'],
  ['agents', 'Agents', null, '/review/agents'],
  ['drivers', 'Drivers', null, '/review/drivers'],
  ['queue', 'Review queue', 'Queue', '/review/queue'],
  ['responses', 'Responses', null, '/review/responses'],
  ['daily', 'Daily report', 'Daily', '/review/daily'],
  ['alerts', 'Webhook log', 'Webhooks', '/review/alerts'],
];

const FILTERED: ReadonlySet<Section> = new Set(['dashboard', 'agents', 'drivers']);

export function csrfField(identity: SupervisorIdentity): SafeHtml {
  return identity.csrfToken ? html`<input type="hidden" name="_csrf" value="${identity.csrfToken}">` : html``;
}

function navigation(context: PageContext): SafeHtml {
  const links = SECTIONS.map(([section, label, short, path]) => {
    const href = FILTERED.has(section) && context.filterQuery ? `${path}${context.filterQuery}` : path;
    const words = short ? html`<span class="wide-only">${label}</span><span class="narrow-only">${short}</span>` : label;
    return html`<a href="${href}"${section === context.active ? html` aria-current="page"` : html``}>${words}</a>`;
  });
  const signOut =
    context.identity.via === 'session'
      ? html`<form method="post" action="/review/sign-out" class="sign-out">${csrfField(context.identity)}<button type="submit">Sign out</button></form>`
      : html``;
  return html`<header class="top"><nav>${links}<a href="/simulator" class="tool">Simulator</a></nav><div class="who">Signed in as <strong>${context.identity.username}</strong>${signOut}</div></header>`;
}

/** A whole supervisor page: every value in `body` was escaped by `html`. */
export function layout(title: string, context: PageContext | null, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Survey review</title>
<link rel="icon" href="/favicon.ico" sizes="any">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/review/assets/review.css">
</head>
<body>
${context ? navigation(context) : html``}
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`.value;
}
