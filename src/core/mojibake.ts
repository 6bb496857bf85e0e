// Repair of the commonest encoding damage in real lesson files: UTF-8 that was
// decoded as Windows-1252 on its way (an emoji becomes "ðŸŽ¯", a quote "â€™").

/** Windows-1252 characters in 0x80-0x9F that differ from Latin-1, mapped back to their byte. */
const CP1252_TO_BYTE: ReadonlyMap<string, number> = new Map([
  ['\u20AC', 0x80], ['\u201A', 0x82], ['\u0192', 0x83], ['\u201E', 0x84], ['\u2026', 0x85],
  ['\u2020', 0x86], ['\u2021', 0x87], ['\u02C6', 0x88], ['\u2030', 0x89], ['\u0160', 0x8a],
  ['\u2039', 0x8b], ['\u0152', 0x8c], ['\u017D', 0x8e], ['\u2018', 0x91], ['\u2019', 0x92],
  ['\u201C', 0x93], ['\u201D', 0x94], ['\u2022', 0x95], ['\u2013', 0x96], ['\u2014', 0x97],
  ['\u02DC', 0x98], ['\u2122', 0x99], ['\u0161', 0x9a], ['\u203A', 0x9b], ['\u0153', 0x9c],
  ['\u017E', 0x9e], ['\u0178', 0x9f],
]);

function byteOf(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  if (code >= 0x80 && code <= 0xff) return code; // Latin-1 and the C1 bytes cp1252 leaves undefined
  return CP1252_TO_BYTE.get(ch);
}

const MOJIBAKE_RUN = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Repairs one run of suspect characters, in one pass: the pieces are collected
 * and joined once, and whether the repaired text so far ends in an emoji is
 * kept as it goes (asking the growing string would flatten it every time,
 * and a run of 450 KB took 45 s).
 */
function repairRun(run: string): string {
  const chars = [...run];
  const out: string[] = [];
  let endsAstral = false;
  const push = (piece: string): void => {
    out.push(piece);
    // Every piece is whole code points, so the last piece tells how the text ends.
    endsAstral = (piece.codePointAt(piece.length - 2) ?? 0) > 0xffff;
  };
  let i = 0;
  while (i < chars.length) {
    const lead = byteOf(chars[i]!);
    const len = lead === undefined ? 0 : sequenceLength(lead);
    if (len > 0 && i + len <= chars.length) {
      const bytes: number[] = [lead!];
      for (let k = 1; k < len; k++) {
        const b = byteOf(chars[i + k]!);
        if (b === undefined || b < 0x80 || b > 0xbf) break;
        bytes.push(b);
      }
      if (bytes.length === len) {
        try {
          push(utf8.decode(Uint8Array.from(bytes)));
          i += len;
          continue;
        } catch {
          // Not valid UTF-8 after all: keep the characters as they were.
        }
      }
    }
    // "â€" followed by a byte cp1252 leaves undefined (often dropped on the way) was a
    // zero-width joiner inside an emoji sequence, or a closing double quote in prose.
    if (chars[i] === '\u00e2' && chars[i + 1] === '\u20ac') {
      push(endsAstral ? '\u200d' : '\u201d');
      i += 2;
      continue;
    }
    push(chars[i]!);
    i += 1;
  }
  return out.join('');
}

/**
 * Repairs UTF-8 text that was decoded as Windows-1252 somewhere on its way
 * ("ðŸŽ¯" becomes the target emoji, "productâ€™s" becomes "product’s").
 * Only byte runs that form valid UTF-8 are changed, so real accented text stays.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  return text.replace(MOJIBAKE_RUN, repairRun);
}

/** True when the text still holds what looks like mojibake (for lint warnings). */
export function hasMojibake(text: string): boolean {
  return repairMojibake(text) !== text;
}
