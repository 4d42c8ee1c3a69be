import { escapeHtml } from '../../../src/http/html.js';

export interface ChatPageOptions {
  businessName: string;
  bundleUrl: string;
  nonce: string;
  /** Inside the widget's frame: the widget draws its own title bar. */
  embedded: boolean;
}

/** GET /: Web Chat on our Direct Line endpoint. All behaviour is in /webchat/chat.js (no inline script). */
export function chatPage(options: ChatPageOptions): string {
  const business = escapeHtml(options.businessName);
  const nonce = escapeHtml(options.nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>${business} – customer survey</title>
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/webchat/chat.css">
</head>
<body class="${options.embedded ? 'embedded' : 'standalone'}">
<main class="chat-shell" aria-labelledby="chat-title">
<header class="chat-header">
<h1 id="chat-title">${business} <span class="subtitle">customer survey</span></h1>
</header>
<section id="webchat" class="webchat" aria-label="Survey conversation with ${business}"></section>
<p id="chat-status" class="chat-status" role="status" aria-live="polite">Connecting…</p>
<noscript><p class="chat-status">This survey needs JavaScript.</p></noscript>
</main>
<script src="/webchat/chat.js" nonce="${nonce}"></script>
<script src="${escapeHtml(options.bundleUrl)}" nonce="${nonce}"></script>
</body>
</html>
`;
}
