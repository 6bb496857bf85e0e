// Files for taking progress along: reading an exported progress file (checked
// as strictly as the progress file itself), writing an export atomically, and
// what is at a path, for `pm-guide paths`.
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { ProgressFileError } from '../core/errors.js';
import type { Progress } from '../core/progress.js';
import { FORMAT_2 } from '../core/progress-format2.js';
import { neutraliseLine } from '../core/text.js';
import { writeAtomically } from './atomic-file.js';
import { parseProgressText } from '../core/progress-text.js';
import { MAX_PROGRESS_BYTES } from './progress-store.js';
import { notARegularFile, realFile } from './real-path.js';

/** What an import may hold: what the progress store accepts, from a file or from standard input alike. */
export const MAX_IMPORT_BYTES = MAX_PROGRESS_BYTES;

/** The refusal of an input over the limit, as one line. */
export function tooLargeToImport(shownAs: string): ProgressFileError {
  return new ProgressFileError(
    neutraliseLine(shownAs),
    `is larger than a progress file may be (${MAX_IMPORT_BYTES / 1048576} MB); nothing was imported`,
    'give the file pm-guide export wrote on the other machine',
  );
}

/** Checks the text of an exported progress file; `shownAs` names it in errors. */
export function parseImportText(text: string, shownAs: string): Progress {
  const result = parseProgressText(text);
  if (result.ok) return result.progress;
  const file = neutraliseLine(shownAs);
  if (result.newer !== undefined) {
    throw new ProgressFileError(
      file,
      `was written by a newer pm-guide (progress format ${result.newer}; this one reads up to ${FORMAT_2}); nothing was imported`,
      'update pm-guide here (git pull && npm install in its folder), then import it again',
    );
  }
  throw new ProgressFileError(file, `cannot be imported: ${result.reason}; nothing was imported`, 'export it again with pm-guide export FILE on the other machine');
}

/**
 * Reads an exported file: a regular file only (a FIFO, a device or a file of
 * /proc is refused before it is opened, as it may never end), and no more than
 * the progress store accepts.
 */
export function readImportFile(path: string): Progress {
  const hint = 'give the path of a file written by pm-guide export';
  const refused = notARegularFile(path);
  if (refused) throw new ProgressFileError(neutraliseLine(path), refused, hint);
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) throw new ProgressFileError(neutraliseLine(path), 'is not a regular file', hint);
    bytes = readCapped(fd, MAX_IMPORT_BYTES);
  } catch (error) {
    if (error instanceof ProgressFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a progress file' : `cannot be read (${code})`;
    throw new ProgressFileError(neutraliseLine(path), problem, hint);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLargeToImport(path);
  return parseImportText(bytes.toString('utf8'), path);
}

/** Reads at most `max` + 1 bytes: one more than allowed says the file is too large, without reading the rest. */
function readCapped(fd: number, max: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > max) break;
  }
  return Buffer.concat(chunks, total);
}

/** Writes a file through a temp file and a rename, so a reader never sees half of it. */
export function writeFileAtomic(path: string, content: string, options: { overwrite: boolean }): void {
  const shown = neutraliseLine(path);
  if (!options.overwrite && exists(path)) {
    throw new ProgressFileError(shown, 'already exists', 'choose another name, or add --force to replace it');
  }
  // Written where a symlink leads (it stays a link); never over a device, a FIFO or a file of the system.
  let real: string;
  try {
    real = realFile(path);
  } catch {
    throw new ProgressFileError(shown, 'cannot be followed to a file (a loop of symlinks?)', 'choose another name');
  }
  const refused = notARegularFile(real);
  if (refused) throw new ProgressFileError(shown, refused, 'give the name of a file to write, or leave it out to print to standard output');
  try {
    writeAtomically(real, content);
  } catch (error) {
    throw new ProgressFileError(
      shown,
      `cannot be written (${(error as NodeJS.ErrnoException).code}); nothing was exported, and a file already there is as it was`,
      'check the folder exists and is writable, and the disk has space',
    );
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

export interface PathInfo {
  exists: boolean;
  kind: 'file' | 'folder' | 'other' | null;
  bytes: number | null;
  modified: string | null;
}

export function pathInfo(path: string): PathInfo {
  try {
    const st = statSync(path);
    return {
      exists: true,
      kind: st.isFile() ? 'file' : st.isDirectory() ? 'folder' : 'other',
      bytes: st.isFile() ? st.size : null,
      modified: st.mtime.toISOString(),
    };
  } catch {
    return { exists: false, kind: null, bytes: null, modified: null };
  }
}
