// Reads a lesson file's bytes as text, whatever encoding damage it carries, and
// refuses what is not text at all.
import { InvalidLessonError } from '../core/errors.js';

/**
 * Lesson files larger than this are refused: the largest shipped lesson is
 * 10 KB, and the cap keeps memory and the time to render any file bounded.
 */
export const MAX_LESSON_BYTES = 1024 * 1024;

/** True when a file's first bytes (16 are enough) open front matter ("---"), in UTF-8 or UTF-16, with or without a byte-order mark. */
export function startsWithFrontMatter(head: Uint8Array): boolean {
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let start = 0;
  if (head[0] === 0xff && head[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (head[0] === 0xfe && head[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else if (head[0] !== 0 && head[1] === 0) encoding = 'utf-16le';
  else if (head[0] === 0 && head[1] !== 0) encoding = 'utf-16be';
  return new TextDecoder(encoding).decode(head.subarray(start)).replace(/^\ufeff/, '').startsWith('---');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeLessonBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  // UTF-16 without a byte-order mark shows as every other byte NUL in ASCII text.
  const firstNul = bytes.indexOf(0);
  if (firstNul !== -1) {
    const probe = bytes.subarray(0, 4096);
    let nul = 0;
    let nulEven = 0;
    for (let i = 0; i < probe.length; i++) {
      if (probe[i] === 0) {
        nul++;
        if (i % 2 === 0) nulEven++;
      }
    }
    if (nul > probe.length / 3) {
      const le = nulEven < nul / 2;
      const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes);
      if (!text.includes('\u0000') && !text.includes('\ufffd')) return text;
    }
    const line = new TextDecoder().decode(bytes.subarray(0, firstNul)).split('\n').length;
    throw new InvalidLessonError(file, line, 'this is not a text file (it holds NUL bytes): lessons are Markdown text');
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    // No valid UTF-8 beyond ASCII at all: a Latin-1 / Windows-1252 file from an older editor, which
    // every byte is valid in. A UTF-8 file with a few damaged bytes keeps its text, with a mark where they were.
    return /[^\u0000-\u007f\ufffd]/.test(text) ? text : new TextDecoder('windows-1252').decode(bytes);
  }
}
