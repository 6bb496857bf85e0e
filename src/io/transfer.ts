// Files for taking progress along: reading an exported progress file (checked
// as strictly as the progress file itself), writing an export atomically, and
// what is at a path, for `pm-guide paths`.
import { readFileSync, statSync } from 'node:fs';
import { ProgressFileError } from '../core/errors.js';
import type { Progress } from '../core/progress.js';
import { FORMAT_2 } from '../core/progress-format2.js';
import { neutraliseLine } from '../core/text.js';
import { writeAtomically } from './atomic-file.js';
import { parseProgressText } from './progress-store.js';

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

export function readImportFile(path: string): Progress {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a progress file' : `cannot be read (${code})`;
    throw new ProgressFileError(neutraliseLine(path), problem, 'give the path of a file written by pm-guide export');
  }
  return parseImportText(text, path);
}

/** Writes a file through a temp file and a rename, so a reader never sees half of it. */
export function writeFileAtomic(path: string, content: string, options: { overwrite: boolean }): void {
  const shown = neutraliseLine(path);
  if (!options.overwrite && exists(path)) {
    throw new ProgressFileError(shown, 'already exists', 'choose another name, or add --force to replace it');
  }
  try {
    writeAtomically(path, content);
  } catch (error) {
    throw new ProgressFileError(shown, `cannot be written (${(error as NodeJS.ErrnoException).code})`, 'check the folder exists and is writable');
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
