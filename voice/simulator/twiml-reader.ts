import { XMLParser } from 'fast-xml-parser';

/** One <Say> or <Play>: what a caller hears, shown as a caption (a recording also as a player). */
export interface Caption {
  text: string;
  language: string | null;
  /** <Play>: the recording's URL, as the TwiML names it. */
  audio?: string;
}

export type NextAction =
  | {
      kind: 'gather';
      /** `keys`: keypad only; `speech`: speech, with the keypad still live (opt-out key). */
      input: 'keys' | 'speech';
      /** The URL Twilio would post the answer to, exactly as the TwiML names it. */
      action: string;
      finishOnKey: string;
      timeoutSeconds: number;
    }
  | { kind: 'hangup' };

export interface HeardTwiml {
  captions: Caption[];
  next: NextAction;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: true });

function tagOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const tag = tagOf(node);
  const children = tag === undefined ? undefined : node[tag];
  return Array.isArray(children) ? (children as OrderedNode[]) : [];
}

function textOf(node: OrderedNode): string {
  return childrenOf(node)
    .map((child) => (typeof child['#text'] === 'string' ? child['#text'] : ''))
    .join('')
    .trim();
}

/**
 * Reads a TwiML document as a phone call plays it: every <Say> and <Play> in order becomes a caption, and the
 * document ends in a <Gather> (wait for the caller) or a hang-up. Throws on anything else, so a
 * voice-flow change the simulator cannot play is noticed, not guessed at.
 */
export function readTwiml(twiml: string): HeardTwiml {
  const document = parser.parse(twiml) as OrderedNode[];
  const response = document.find((node) => tagOf(node) === 'Response');
  if (!response) throw new Error('TwiML has no <Response>');
  const captions: Caption[] = [];
  const say = (node: OrderedNode) => captions.push({ text: textOf(node), language: node[':@']?.language ?? null });
  const play = (node: OrderedNode, language: string | null) => captions.push({ text: '', language, audio: textOf(node) });
  let next: NextAction = { kind: 'hangup' };
  for (const verb of childrenOf(response)) {
    const tag = tagOf(verb);
    const attributes = verb[':@'] ?? {};
    if (tag === 'Say') say(verb);
    else if (tag === 'Play') play(verb, null);
    else if (tag === 'Hangup') next = { kind: 'hangup' };
    else if (tag === 'Gather') {
      for (const inner of childrenOf(verb)) {
        if (tagOf(inner) === 'Say') say(inner);
        else if (tagOf(inner) === 'Play') play(inner, attributes.language ?? null);
      }
      if (!attributes.action) throw new Error('TwiML <Gather> has no action');
      next = {
        kind: 'gather',
        input: (attributes.input ?? 'dtmf').split(/\s+/).includes('speech') ? 'speech' : 'keys',
        action: attributes.action,
        finishOnKey: attributes.finishOnKey ?? '#',
        timeoutSeconds: Number(attributes.timeout ?? 5),
      };
    } else throw new Error(`TwiML verb <${tag}> is not one the simulator plays`);
  }
  return { captions, next };
}
