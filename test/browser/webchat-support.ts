import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** Content-Security-Policy violations the page reports, to assert there are none. */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  // Runs in the page (a string, since these tests compile without the DOM's types).
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      window.reportCspViolation(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sourceFile + ':' + event.lineNumber);
    });`,
  });
  return violations;
}

/** With SCREENSHOTS=1 (npm run screenshots), the browser tests save the pages they drive into docs/screenshots/. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  const directory = join(process.cwd(), 'docs', 'screenshots');
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: join(directory, `${name}.png`), fullPage });
}

export interface TransportLog {
  /** URLs of the WebSockets the page opened. */
  sockets: string[];
  /** Polls for activities the page made (GET …/activities). */
  polls: string[];
}

/** Which way the page received its activities: WebSocket streams opened, and polls made. */
export function recordTransport(page: Page): TransportLog {
  const log: TransportLog = { sockets: [], polls: [] };
  page.on('websocket', (socket) => log.sockets.push(socket.url()));
  page.on('request', (request) => {
    if (request.method() === 'GET' && /\/v3\/directline\/conversations\/[^/]+\/activities/.test(request.url())) log.polls.push(request.url());
  });
  return log;
}
