// The progress file on disk. Never lost, never damaged:
// - writes go to a temp file in the same folder, are fsynced, then renamed over
//   (io/atomic-file.ts);
// - every update takes a lock across processes (io/file-lock.ts) and re-reads
//   the file inside it, so two terminals answering at once both keep their answers;
// - a file that cannot be read or validated is moved aside, never overwritten;
// - a file from a newer pm-guide is left untouched; format 2 (an earlier
//   pm-guide's packed layout) is read, and written as format 1 on the next update;
// - a progress file that is a symlink stays one: the file it leads to (through
//   any chain of links, or none yet: a dangling link) is locked, replaced and
//   moved aside, so two paths to one file take turns on one lock;
// - a FIFO, a device or a file of /proc is refused before it is opened;
// - nothing is written that the next run would refuse (too large, or invalid).
import { closeSync, constants as fsConstants, fstatSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ProgressFileError } from '../core/errors.js';
import { emptyProgress, type Progress } from '../core/progress.js';
import { FORMAT_2 } from '../core/progress-format2.js';
import { parseProgressText, progressFileText, type ParseResult } from '../core/progress-text.js';
import { neutraliseLine } from '../core/text.js';
import { writeAtomically } from './atomic-file.js';
import { FileLock, isAlive, randomName } from './file-lock.js';
import { notARegularFile, onKernelFileSystem, realFile } from './real-path.js';

export interface ProgressStoreOptions {
  file: string;
  /** Called with a one-line warning (a broken file moved aside). */
  warn: (message: string) => void;
  /** How long to wait for another process's lock before giving up, in ms. */
  lockTimeoutMs?: number;
  now?: () => Date;
}

const show = (path: string): string => neutraliseLine(path);

/**
 * Progress is kilobytes; a file far larger than any course could make is not
 * progress, and is not read into memory. Imports are held to the same limit,
 * and no save writes more, so no file pm-guide writes is refused by the next run.
 */
export const MAX_PROGRESS_BYTES = 64 * 1024 * 1024;

/** A file another pm-guide moves aside, again and again, while this one reads it: tried this often, then said. */
const LOAD_ATTEMPTS = 3;

export class ProgressStore {
  readonly file: string;
  private readonly warn: (message: string) => void;
  private readonly now: () => Date;
  private readonly lockTimeoutMs: number;
  private resolved: { real: string; lock: FileLock } | undefined;
  constructor(options: ProgressStoreOptions) {
    this.file = options.file;
    this.warn = (message) => options.warn(neutraliseLine(message));
    this.now = options.now ?? (() => new Date());
    this.lockTimeoutMs = options.lockTimeoutMs ?? 5_000;
  }

  /**
   * The file the progress really is in, resolved once: the lock, the reads, the
   * rename and the move aside all act on it, whichever path led here.
   */
  private real(): { real: string; lock: FileLock } {
    if (this.resolved) return this.resolved;
    let real: string;
    try {
      real = realFile(this.file);
    } catch (error) {
      throw new ProgressFileError(show(this.file), `cannot be followed to a file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'point --progress at a file, not a loop of symlinks');
    }
    if (onKernelFileSystem(real)) {
      throw new ProgressFileError(show(this.file), 'is in /proc or /sys, where the system keeps its own files, not progress', 'choose a file in your home folder with --progress, or leave it out');
    }
    this.resolved = { real, lock: new FileLock(real, this.lockTimeoutMs, this.file) };
    return this.resolved;
  }

  /** The lock beside the real file. */
  private get fileLock(): FileLock {
    return this.real().lock;
  }

  /** Reads progress; a missing file is fresh progress, a broken one is moved aside. */
  load(attempt = 1): Progress {
    const text = this.readText();
    if (text === undefined) return emptyProgress();
    const result = typeof text === 'string' ? parseProgressText(text) : text;
    if (result.ok) return result.progress;
    if (result.newer !== undefined) {
      throw new ProgressFileError(
        show(this.file),
        `was written by a newer pm-guide (progress format ${result.newer}; this one reads up to ${FORMAT_2}); it is left untouched`,
        'update pm-guide (git pull && npm install in its folder), or use another file with --progress',
      );
    }
    const aside = this.moveAside(result.reason);
    if (aside === undefined) {
      // Another pm-guide moved it aside first: read what is there now (a few times; a file that
      // keeps vanishing, as some files of the system do, is said, not retried forever).
      if (attempt < LOAD_ATTEMPTS) return this.load(attempt + 1);
      throw new ProgressFileError(show(this.file), `${result.reason}, and it vanishes whenever pm-guide moves it aside`, 'choose another file with --progress');
    }
    this.warn(`warning: ${show(this.file)} could not be used: ${result.reason}. It was kept as ${show(aside)}; starting with fresh progress.`);
    return emptyProgress();
  }

  /** The file's text; undefined when there is none; a result when its size alone rules it out. */
  private readText(): string | ParseResult | undefined {
    const { real } = this.real();
    const refused = notARegularFile(real);
    if (refused && !refused.startsWith('is a folder')) throw new ProgressFileError(show(this.file), refused, 'choose another file with --progress');
    let fd: number;
    try {
      // Non-blocking, so that a FIFO put there since the check cannot stop pm-guide waiting for a writer.
      fd = openSync(real, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      if (code === 'ENOTDIR') {
        throw new ProgressFileError(show(this.file), 'a part of this path is a file, not a folder', 'choose another file with --progress');
      }
      throw new ProgressFileError(show(this.file), `cannot be read (${code})`, 'check its permissions, or choose another file with --progress');
    }
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) {
        throw new ProgressFileError(show(this.file), 'is a folder, not a progress file', 'move that folder away, or choose another file with --progress');
      }
      if (!st.isFile()) {
        throw new ProgressFileError(show(this.file), 'is not a regular file', 'choose another file with --progress');
      }
      if (st.size > MAX_PROGRESS_BYTES) return { ok: false, reason: `it is ${Math.round(st.size / 1048576)} MB, far more than progress ever takes` };
      return readFileSync(fd, 'utf8');
    } catch (error) {
      if (error instanceof ProgressFileError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new ProgressFileError(show(this.file), `cannot be read (${code})`, 'check its permissions, or choose another file with --progress');
    } finally {
      closeSync(fd);
    }
  }

  /** Applies a change under the lock, to the freshest copy on disk, and saves it atomically. */
  update(change: (progress: Progress) => Progress): Progress {
    const lock = this.fileLock;
    this.ensureFolder();
    lock.lock();
    try {
      this.removeStrayTempFiles();
      const next = change(this.load());
      const text = progressFileText(next);
      this.checkWritable(text);
      this.writeAtomic(text);
      return next;
    } finally {
      lock.unlock();
    }
  }

  /** What is written must be what the next run reads: within the size limit, and valid. Otherwise nothing is written. */
  private checkWritable(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_PROGRESS_BYTES) {
      throw new ProgressFileError(
        show(this.file),
        `would grow to ${Math.ceil(bytes / 1048576)} MB, more than a progress file may hold (${MAX_PROGRESS_BYTES / 1048576} MB); nothing was changed`,
        'this is far beyond any course: check what was imported',
      );
    }
    const check = parseProgressText(text);
    if (!check.ok) {
      throw new ProgressFileError(show(this.file), `would not be readable (${check.reason}); nothing was changed`, 'this is a bug in pm-guide: please report it with the command you ran');
    }
  }

  private ensureFolder(): void {
    try {
      mkdirSync(dirname(this.real().real), { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ProgressFileError(show(this.file), `its folder cannot be created (${code})`, 'choose a writable place with --progress or PM_GUIDE_PROGRESS');
    }
  }

  /** Moves a broken file aside, to a name no other file has. Undefined when it is already gone (another pm-guide moved it). */
  private moveAside(reason: string): string | undefined {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    // The real file is moved, so that a symlinked progress file stays a link (to a file the next save creates).
    const { real } = this.real();
    const aside = `${real}.broken-${stamp}-${process.pid}-${randomName().slice(0, 4)}`;
    try {
      renameSync(real, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new ProgressFileError(
        show(this.file),
        `${reason}, and it could not be moved aside (${(error as NodeJS.ErrnoException).code})`,
        'move or repair it by hand; pm-guide will not overwrite it',
      );
    }
    return aside;
  }

  private writeAtomic(content: string): void {
    try {
      writeAtomically(this.real().real, content);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ProgressFileError(show(this.file), `cannot be written (${code}); your earlier progress is unchanged`, 'check the folder is writable and the disk has space, or use --progress');
    }
  }

  /** Temp files left by a process that was killed mid-write (progress and lock temp files alike). */
  private removeStrayTempFiles(): void {
    const file = this.real().real;
    const prefix = `${basename(file)}.`;
    let names: string[];
    try {
      names = readdirSync(dirname(file));
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
      const rest = name.slice(prefix.length).replace(/^lock\./, '');
      const pid = Number(rest.split('.')[0]);
      if (pid === process.pid || isAlive(pid)) continue;
      try {
        unlinkSync(join(dirname(file), name));
      } catch {
        // Already gone.
      }
    }
  }
}
