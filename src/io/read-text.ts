// Reads a lesson file's bytes as text, whatever encoding damage it carries, and
// refuses what is not text at all.
import { InvalidLessonError } from '../core/errors.js';

/** Lesson files larger than this are refused: no course needs one, and it keeps memory bounded. */
export const MAX_LESSON_BYTES = 2 * 1024 * 1024;

export function decodeLessonBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  // UTF-16 without a byte-order mark shows as every other byte NUL in ASCII text.
  const probe = bytes.subarray(0, 4096);
  let nul = 0;
  let nulEven = 0;
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] === 0) {
      nul++;
      if (i % 2 === 0) nulEven++;
    }
  }
  if (nul > 0) {
    if (nul > probe.length / 3) {
      const le = nulEven < nul / 2;
      const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes);
      if (!text.includes('\u0000') && !text.includes('\ufffd')) return text;
    }
    const line = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0))).split('\n').length;
    throw new InvalidLessonError(file, line, 'this is not a text file (it holds NUL bytes): lessons are Markdown text');
  }
  return new TextDecoder('utf-8').decode(bytes);
}
