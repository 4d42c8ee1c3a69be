import { escapeHtml } from '../../../src/http/html.js';

export interface SimulatorPageOptions {
  businessName: string;
  languages: readonly string[];
  defaultLanguage: string;
  /** The session's token for X-CSRF-Token on the page's API calls; null for bearer callers. */
  csrfToken: string | null;
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Español', de: 'Deutsch', fr: 'Français', hu: 'Magyar', lt: 'Lietuvių', fa: 'فارسی' };
const KEYS: ReadonlyArray<[key: string, label: string, letters: string]> = [
  ['1', 'Key 1', ''], ['2', 'Key 2', 'ABC'], ['3', 'Key 3', 'DEF'],
  ['4', 'Key 4', 'GHI'], ['5', 'Key 5', 'JKL'], ['6', 'Key 6', 'MNO'],
  ['7', 'Key 7', 'PQRS'], ['8', 'Key 8', 'TUV'], ['9', 'Key 9', 'WXYZ'],
  ['*', 'Star key', ''], ['0', 'Key 0', '+'], ['#', 'Hash key (send)', ''],
];

/** GET /simulator: a phone against the real voice flow. Behaviour in /simulator/assets/simulator.js; the app's strict CSP applies. */
export function simulatorPage(options: SimulatorPageOptions): string {
  const business = escapeHtml(options.businessName);
  const languageOptions = options.languages
    .map((code) => `<option value="${escapeHtml(code)}"${code === options.defaultLanguage ? ' selected' : ''}>${escapeHtml(LANGUAGE_NAMES[code] ?? code)} (${escapeHtml(code)})</option>`)
    .join('');
  const keypad = KEYS.map(
    ([key, label, letters]) =>
      `<button type="button" class="key" data-key="${escapeHtml(key)}" aria-label="${escapeHtml(label)}" disabled><span class="digit" aria-hidden="true">${escapeHtml(key)}</span><span class="letters" aria-hidden="true">${letters}</span></button>`,
  ).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Phone simulator – ${business}</title>
<link rel="icon" href="/favicon.ico">
${options.csrfToken ? `<meta name="csrf-token" content="${escapeHtml(options.csrfToken)}">` : ''}
<link rel="stylesheet" href="/simulator/assets/simulator.css">
</head>
<body>
<a class="skip" href="#phone">Skip to the phone</a>
<header class="top">
<h1>Phone simulator</h1>
<p>Plays a call against the real voice survey of ${business}: the same TwiML a phone gets, its speech shown as captions. Calls made here are stored as <strong>test responses</strong> and left out of every report.</p>
</header>
<main class="layout">
<form id="setup" class="card setup" aria-labelledby="setup-title">
<h2 id="setup-title">Call setup</h2>
<label for="language">Survey language</label>
<select id="language" name="language">${languageOptions}</select>
<label for="customer-name">Customer name <span class="hint">(optional)</span></label>
<input id="customer-name" name="customerName" type="text" maxlength="100" autocomplete="off">
<label for="agent-name">Agent name <span class="hint">(optional)</span></label>
<input id="agent-name" name="agentName" type="text" maxlength="100" autocomplete="off">
<button id="call" type="submit" class="primary">Call</button>
</form>
<section id="phone" class="card phone" aria-labelledby="phone-title" tabindex="-1">
<h2 id="phone-title">Call</h2>
<p id="call-state" class="call-state" role="status">No call. Fill in the setup and press Call.</p>
<ol id="captions" class="captions" aria-label="Captions" aria-live="polite" aria-relevant="additions"></ol>
<p class="keyed-row"><span id="keyed-label">Keys pressed:</span> <output id="keyed" aria-labelledby="keyed-label"></output></p>
<div id="keypad" class="keypad" role="group" aria-label="Keypad (or type 0-9, * and # on the keyboard)">${keypad}</div>
<form id="say-form" class="say">
<label id="say-label" for="say">Say <span class="hint" id="say-hint">(speech, when the question takes it)</span></label>
<div class="say-row"><input id="say" name="speech" type="text" maxlength="2000" autocomplete="off" disabled aria-describedby="say-hint"><button id="say-button" type="submit" disabled>Say</button></div>
</form>
<div class="call-actions">
<button id="silence" type="button" disabled>Stay silent</button>
<button id="hangup" type="button" class="danger" disabled>Hang up</button>
</div>
<p id="stored" class="stored" role="status" aria-live="polite"></p>
<details class="twiml"><summary>TwiML the phone got</summary><pre id="twiml"></pre></details>
</section>
</main>
<script src="/simulator/assets/simulator.js"></script>
</body>
</html>
`;
}
