// JSON for the terminal and for programs alike. JSON.stringify escapes C0
// controls but leaves DEL, the C1 controls (U+009B is a whole CSI on many
// terminals) and the bidirectional overrides raw; a file name or a lesson's
// YAML key holding one would act on the terminal when `--json` output is
// shown. Here every one of them is written as a \u escape: a JSON reader gets
// the same string back, and a terminal sees only plain characters.

const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const escape = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON.stringify, with every character that could drive a terminal escaped (they only ever occur inside strings). */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, escape);
}
