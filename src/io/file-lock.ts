// A lock across processes, as a file next to the one it guards: two terminals
// saving progress at once take turns, and a lock left by a killed process is
// broken, by one process only.
import { closeSync, constants as fsConstants, fstatSync, linkSync, lstatSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { ProgressFileError } from '../core/errors.js';
import { neutraliseLine } from '../core/text.js';

/** A lock whose owner cannot be told (no pid in it) is stale after this long. */
const UNOWNED_LOCK_MS = 2_000;
/** A lock this old is stale even if its pid is alive: the pid was reused, or its process hung. */
const ANCIENT_LOCK_MS = 60_000;
/** The mutex taken to break a stale lock is held for a few system calls; older than this, its taker died. */
const BREAKER_STALE_MS = 5_000;

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

export const randomName = (): string => Math.random().toString(36).slice(2, 10);

/** Whether a process with this pid exists (one we may not signal counts). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const show = (path: string): string => neutraliseLine(path);

export class FileLock {
  /** The lock file: `<file>.lock`. Its temp files are `<file>.lock.<pid>.<random>.tmp`. */
  readonly lockFile: string;
  /** What this process wrote into the lock file while it holds the lock. */
  private token: string | undefined;

  /**
   * `file` is the file guarded, its real path (two paths to one file must share
   * one lock); `timeoutMs` how long to wait for another process's lock;
   * `shownAs` names the file in errors, as the learner gave it.
   */
  constructor(
    file: string,
    private readonly timeoutMs: number,
    private readonly shownAs = file,
  ) {
    this.lockFile = `${file}.lock`;
  }

  /**
   * Takes the lock: a file created whole, with "pid token" in it, by linking a
   * temp file into place (a link fails if the lock exists, and the lock is never
   * seen empty). A lock left by a dead process is broken; a live one is waited for.
   */
  lock(): void {
    const deadline = Date.now() + this.timeoutMs;
    const token = `${process.pid} ${randomName()}${randomName()}\n`;
    const temp = `${this.lockFile}.${process.pid}.${randomName()}.tmp`;
    let delay = 5;
    try {
      for (;;) {
        if (this.tryLock(temp, token)) {
          this.token = token;
          return;
        }
        // Every attempt, broken lock or not, counts against the deadline: whatever sits at the
        // lock path (a folder, a dangling link, a lock that keeps coming back), waiting ends.
        const broken = this.breakStaleLock();
        if (Date.now() > deadline) {
          throw new ProgressFileError(
            show(this.shownAs),
            `another pm-guide has held its lock (${show(this.lockFile)}) for over ${Math.round(this.timeoutMs / 1000)} s`,
            'finish or close the other pm-guide; if none is running, delete the lock file',
          );
        }
        if (broken) continue;
        sleep(delay);
        delay = Math.min(delay * 2, 100);
      }
    } finally {
      try {
        unlinkSync(temp);
      } catch {
        // Never written, or already gone.
      }
    }
  }

  /** One attempt at the lock. False when another process holds it. */
  private tryLock(temp: string, token: string): boolean {
    try {
      writeWhole(temp, token, 'w');
      try {
        linkSync(temp, this.lockFile);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return false;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      }
      // A file system without hard links: create the lock exclusively and write it at once.
      writeWhole(this.lockFile, token, 'wx');
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      throw new ProgressFileError(show(this.shownAs), `cannot be locked for writing (${code})`, 'check the folder is writable, or use --progress');
    }
  }

  /**
   * What the lock file holds and how old it is; undefined when there is none.
   * Opened without following a link and without waiting (a FIFO there has no
   * writer), and read only when it is a regular file, as every lock pm-guide makes is.
   */
  private readLock(): { content: string; age: number } | undefined {
    let fd: number;
    try {
      fd = openSync(this.lockFile, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | fsConstants.O_NOFOLLOW);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      this.refuseForeignLock();
      return undefined;
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) this.refuseForeignLock();
      return { content: readFileSync(fd, 'utf8'), age: Date.now() - st.mtimeMs };
    } catch (error) {
      if (error instanceof ProgressFileError) throw error;
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  /** Something at the lock path that pm-guide never makes (a folder, a symlink, a FIFO): said at once, as no waiting removes it. */
  private refuseForeignLock(): never {
    let what = 'something that is not a lock file';
    try {
      const st = lstatSync(this.lockFile);
      what = st.isDirectory() ? 'a folder' : st.isSymbolicLink() ? 'a symlink' : st.isFIFO() ? 'a FIFO' : st.isFile() ? 'a file pm-guide cannot read' : 'not a regular file';
    } catch {
      // Gone since: say what it was not.
    }
    throw new ProgressFileError(
      show(this.shownAs),
      `its lock path ${show(this.lockFile)} is ${what}, which pm-guide never makes; nothing was changed`,
      'remove it (pm-guide makes its own lock there), or use another file with --progress',
    );
  }

  /**
   * Removes a lock whose owner is gone (killed mid-write). True when the lock
   * may be tried again at once. Two processes may both judge the same lock
   * stale; the break is done under a second, short-lived lock, and only if the
   * lock still holds what was judged, so the second one cannot remove the lock
   * the first has just taken.
   */
  private breakStaleLock(): boolean {
    const seen = this.readLock();
    if (!seen) return true; // Released while we looked.
    // "pid token", or just "pid" from pm-guide 0.1.
    const owner = /^(\d+)(?: \S+)?\n$/.exec(seen.content);
    const stale = owner ? !isAlive(Number(owner[1])) || seen.age > ANCIENT_LOCK_MS : seen.age > UNOWNED_LOCK_MS;
    if (!stale) return false;
    const breaker = `${this.lockFile}.break`;
    try {
      writeWhole(breaker, `${process.pid}\n`, 'wx');
    } catch {
      // Someone else is breaking it now (or died doing so, moments ago or long ago).
      try {
        if (Date.now() - statSync(breaker).mtimeMs > BREAKER_STALE_MS) unlinkSync(breaker);
      } catch {
        // Gone already.
      }
      return false;
    }
    try {
      if (this.readLock()?.content === seen.content) unlinkSync(this.lockFile);
      return true;
    } catch {
      return true;
    } finally {
      try {
        unlinkSync(breaker);
      } catch {
        // Gone already.
      }
    }
  }

  unlock(): void {
    // Only our own lock: if it was broken as stale and taken by another process, that one is theirs.
    if (this.token !== undefined && this.readLock()?.content === this.token) {
      try {
        unlinkSync(this.lockFile);
      } catch {
        // Already removed.
      }
    }
    this.token = undefined;
  }
}

/** Creates (flag 'w') or exclusively creates ('wx') a small file and writes it whole. */
function writeWhole(path: string, content: string, flag: 'w' | 'wx'): void {
  const fd = openSync(path, flag, 0o600);
  try {
    const bytes = Buffer.from(content);
    // A lock cut short by a full disk would be judged unowned; better to fail now.
    if (writeSync(fd, bytes) !== bytes.length) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  } finally {
    closeSync(fd);
  }
}
