// PLACEHOLDER until the language work lands: whole-message stop words only.
const OPT_OUT = /^\s*(stop|unsubscribe|opt ?out|baja|stopp|abmelden|désabonner|leiratkozás)\s*[.!]*\s*$/i;

export function isOptOutRequest(text: string, _lang?: string): boolean {
  return OPT_OUT.test(text.normalize('NFKC'));
}
