/**
 * How many SMS segments a text costs. GSM-7 (the GSM 03.38 default alphabet) takes 160 septets in
 * one segment and 153 per segment once split; the extension characters (€, [, ], {, }, …) take two
 * septets. Any other character makes the whole text UCS-2: 70 UTF-16 units in one segment, 67 per
 * segment once split (an emoji is two units).
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
}

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

function gsmSeptets(text: string): number | null {
  let septets = 0;
  for (const character of text) {
    if (GSM_BASIC.has(character)) septets += 1;
    else if (GSM_EXTENSION.has(character)) septets += 2;
    else return null;
  }
  return septets;
}

function split(units: number, single: number, multi: number): number {
  if (units === 0) return 1;
  return units <= single ? 1 : Math.ceil(units / multi);
}

export function countSegments(text: string): SegmentCount {
  const septets = gsmSeptets(text);
  if (septets !== null) return { encoding: 'GSM-7', units: septets, segments: split(septets, 160, 153) };
  return { encoding: 'UCS-2', units: text.length, segments: split(text.length, 70, 67) };
}
