// The progress file on disk. Never lost, never damaged:
// - writes go to a temp file in the same folder, are fsynced, then renamed over;
// - every update takes a lock across processes and re-reads the file inside it,
//   so two terminals answering at once both keep their answers;
// - a file that cannot be read or validated is moved aside, never overwritten;
// - a file from a newer pm-guide is left untouched.
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ProgressFileError } from '../core/errors.js';
import { PROGRESS_VERSION, emptyProgress, progressSchema, type Progress } from '../core/progress.js';
import { neutraliseLine } from '../core/text.js';

export interface ProgressStoreOptions {
  file: string;
  /** Called with a one-line warning (a broken file moved aside). */
  warn: (message: string) => void;
  /** How long to wait for another process's lock before giving up, in ms. */
  lockTimeoutMs?: number;
  now?: () => Date;
}

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const show = (path: string): string => neutraliseLine(path);

/** Reasons a file's content is not usable progress; undefined when it is fine. */
type ParseResult = { ok: true; progress: Progress } | { ok: false; reason: string; newer?: number };

export function parseProgressText(text: string): ParseResult {
  if (text.trim() === '') return { ok: false, reason: 'it is empty' };
  if (text.includes('\u0000')) return { ok: false, reason: 'it holds NUL bytes (a crash while writing?)' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON (cut short, or edited by hand?)' };
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const version = (data as { version?: unknown }).version;
    if (typeof version === 'number' && version > PROGRESS_VERSION) return { ok: false, reason: 'newer', newer: version };
  }
  const parsed = progressSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `it does not hold pm-guide progress (${issue.path.join('.') || 'top level'}: ${issue.message})` };
  }
  return { ok: true, progress: parsed.data };
}

export class ProgressStore {
  readonly file: string;
  private readonly warn: (message: string) => void;
  private readonly lockTimeoutMs: number;
  private readonly now: () => Date;
  private readonly lockFile: string;
  /**
   * The progress this store last read or wrote, with the file's text. When the
   * file still holds exactly that text, an update starts from it instead of
   * parsing and validating the file again (a quiz saves every answer so; on a
   * large file that is most of the time an answer takes). Comparing the text,
   * not timestamps, means no other writer's change can go unseen. Progress
   * values are never changed in place (core/progress.ts returns new ones),
   * which is what makes keeping one safe.
   */
  private known: { text: string; progress: Progress } | undefined;

  constructor(options: ProgressStoreOptions) {
    this.file = options.file;
    this.warn = options.warn;
    this.lockTimeoutMs = options.lockTimeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    this.lockFile = `${this.file}.lock`;
  }

  /** Reads progress; a missing file is fresh progress, a broken one is moved aside. */
  load(): Progress {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return emptyProgress();
      if (code === 'EISDIR') {
        throw new ProgressFileError(show(this.file), 'is a folder, not a progress file', 'move that folder away, or choose another file with --progress');
      }
      if (code === 'ENOTDIR') {
        throw new ProgressFileError(show(this.file), 'a part of this path is a file, not a folder', 'choose another file with --progress');
      }
      throw new ProgressFileError(show(this.file), `cannot be read (${code})`, 'check its permissions, or choose another file with --progress');
    }
    const result = parseProgressText(text);
    if (result.ok) {
      this.known = { text, progress: result.progress };
      return result.progress;
    }
    if (result.newer !== undefined) {
      throw new ProgressFileError(
        show(this.file),
        `was written by a newer pm-guide (progress format ${result.newer}; this one reads ${PROGRESS_VERSION}); it is left untouched`,
        'upgrade pm-guide (npm install -g pm-guide@latest), or use another file with --progress',
      );
    }
    const aside = this.moveAside(result.reason);
    this.warn(`warning: ${show(this.file)} could not be used: ${result.reason}. It was kept as ${show(aside)}; starting with fresh progress.`);
    return emptyProgress();
  }

  /** The progress last read or written, when the file still holds exactly its text (asked under the lock). */
  private unchanged(): Progress | undefined {
    if (!this.known) return undefined;
    try {
      return readFileSync(this.file, 'utf8') === this.known.text ? this.known.progress : undefined;
    } catch {
      return undefined;
    }
  }

  /** Applies a change under the lock, to the freshest copy on disk, and saves it atomically. */
  update(change: (progress: Progress) => Progress): Progress {
    this.ensureFolder();
    this.lock();
    try {
      this.removeStrayTempFiles();
      const next = change(this.unchanged() ?? this.load());
      const text = `${JSON.stringify(next)}\n`;
      this.writeAtomic(text);
      this.known = { text, progress: next };
      return next;
    } finally {
      this.unlock();
    }
  }

  private ensureFolder(): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ProgressFileError(show(this.file), `its folder cannot be created (${code})`, 'choose a writable place with --progress or PM_GUIDE_PROGRESS');
    }
  }

  private moveAside(reason: string): string {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const aside = `${this.file}.broken-${stamp}`;
    try {
      renameSync(this.file, aside);
    } catch (error) {
      throw new ProgressFileError(
        show(this.file),
        `${reason}, and it could not be moved aside (${(error as NodeJS.ErrnoException).code})`,
        'move or repair it by hand; pm-guide will not overwrite it',
      );
    }
    return aside;
  }

  private writeAtomic(content: string): void {
    const temp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
    let fd: number | undefined;
    try {
      fd = openSync(temp, 'wx', 0o600);
      writeSync(fd, content);
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      renameSync(temp, this.file);
      this.syncFolder();
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      try {
        unlinkSync(temp);
      } catch {
        // The temp file may not exist; nothing else to clean.
      }
      const code = (error as NodeJS.ErrnoException).code;
      throw new ProgressFileError(show(this.file), `cannot be written (${code}); your earlier progress is unchanged`, 'check the folder is writable and the disk has space, or use --progress');
    }
  }

  private syncFolder(): void {
    try {
      const dirFd = openSync(dirname(this.file), 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    } catch {
      // Some file systems do not allow syncing a folder; the rename is still atomic.
    }
  }

  /** Temp files left by a process that was killed mid-write. */
  private removeStrayTempFiles(): void {
    const prefix = `${basename(this.file)}.`;
    let names: string[];
    try {
      names = readdirSync(dirname(this.file));
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
      const pid = Number(name.slice(prefix.length).split('.')[0]);
      if (pid === process.pid || isAlive(pid)) continue;
      try {
        unlinkSync(join(dirname(this.file), name));
      } catch {
        // Already gone.
      }
    }
  }

  private lock(): void {
    const deadline = Date.now() + this.lockTimeoutMs;
    let delay = 5;
    for (;;) {
      try {
        const fd = openSync(this.lockFile, 'wx', 0o600);
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') {
          throw new ProgressFileError(show(this.file), `cannot be locked for writing (${code})`, 'check the folder is writable, or use --progress');
        }
      }
      if (this.removeStaleLock()) continue;
      if (Date.now() > deadline) {
        throw new ProgressFileError(
          show(this.file),
          `another pm-guide has held its lock (${show(this.lockFile)}) for over ${Math.round(this.lockTimeoutMs / 1000)} s`,
          'finish or close the other pm-guide; if none is running, delete the lock file',
        );
      }
      sleep(delay);
      delay = Math.min(delay * 2, 100);
    }
  }

  /** A lock whose process is gone (killed mid-write) is taken over. */
  private removeStaleLock(): boolean {
    let owner: number;
    let age: number;
    try {
      owner = Number(readFileSync(this.lockFile, 'utf8').trim());
      age = Date.now() - statSync(this.lockFile).mtimeMs;
    } catch {
      return true; // Released while we looked: try again at once.
    }
    // A lock file without a pid yet is being written: only stale once it is old.
    const dead = Number.isInteger(owner) && owner > 0 ? !isAlive(owner) : age > 2_000;
    if (!dead && age < 60_000) return false;
    try {
      unlinkSync(this.lockFile);
    } catch {
      // Another process took it over first.
    }
    return true;
  }

  private unlock(): void {
    try {
      unlinkSync(this.lockFile);
    } catch {
      // Already removed.
    }
  }
}
