import type { Page } from 'playwright-core';

export interface PageLayout {
  scrollWidth: number;
  innerWidth: number;
  /** Visible text that reads like an internal value (`in_progress`, `price_billing`). */
  rawValues: string[];
  /** Visible text drawn under 12 px (SVG text measured as drawn, after any scaling of its chart). */
  smallText: string[];
  /** Links, buttons and fields under 44 px tall or wide (links inside a sentence excepted). */
  smallTargets: string[];
}

/** Snake-case words: the shape of every status, tag and review reason id the store keeps. */
export const RAW_VALUE = /\b[a-z]+(?:_[a-z]+)+\b/g;

// Runs in the page (the tests' TypeScript has no DOM types, so it is plain JavaScript).
const MEASURE = `(() => {
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const style = getComputedStyle(element);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const describe = (element) => element.tagName.toLowerCase() + ' "' + (element.textContent || '').trim().slice(0, 40) + '"';
  const smallText = [];
  for (const element of document.body.querySelectorAll('*')) {
    const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent || '').trim() !== '');
    if (!ownText || !visible(element)) continue;
    let size = parseFloat(getComputedStyle(element).fontSize);
    if (element instanceof SVGGraphicsElement) size *= element.getScreenCTM()?.a ?? 1;
    if (size < 11.95) smallText.push(describe(element) + ' at ' + size.toFixed(1) + ' px');
  }
  const smallTargets = [];
  for (const element of document.body.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
    if (!visible(element)) continue;
    const parentText = (element.parentElement?.textContent || '').trim();
    const inSentence = element.tagName === 'A' && getComputedStyle(element).display === 'inline' && parentText.length > (element.textContent || '').trim().length + 20;
    const box = element.getBoundingClientRect();
    if (!inSentence && (box.height < 43.5 || box.width < 43.5)) smallTargets.push(describe(element) + ' ' + Math.round(box.width) + '×' + Math.round(box.height));
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    rawValues: document.body.innerText.match(new RegExp(${JSON.stringify(RAW_VALUE.source)}, 'g')) || [],
    smallText,
    smallTargets,
  };
})()`;

/** What a person sees on the page as it is laid out now, measured in the browser. */
export async function measureLayout(page: Page): Promise<PageLayout> {
  return page.evaluate<PageLayout>(MEASURE);
}
