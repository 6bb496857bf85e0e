// Replacing a file so that a reader, or a crash, never sees half of it: the
// content goes to a temp file in the same folder, is fsynced, renamed over the
// file, and the folder is fsynced so that the rename itself survives a crash.
import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { randomName } from './file-lock.js';

/**
 * The temp file a write to `path` goes through: `<path>.<pid>.<random>.tmp`,
 * a name no other process or write uses (the progress store removes the ones
 * a killed process left by their pid).
 */
export function tempFileFor(path: string): string {
  return `${path}.${process.pid}.${randomName()}.tmp`;
}

/**
 * Writes `content` to `path` atomically. On failure the temp file is removed,
 * `path` is as it was, and the system error (with its `code`) is thrown for the
 * caller to word. A file that is replaced keeps its mode and, where this
 * process may set it, its owner: the new file takes the old one's place in
 * every way but its content. `path` is the real file (links resolved): a link
 * there would be replaced by a file.
 */
export function writeAtomically(path: string, content: string): void {
  const temp = tempFileFor(path);
  const before = existing(path);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    if (before) keepOwnerAndMode(fd, before);
    writeAll(fd, Buffer.from(content, 'utf8'));
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // The temp file may not exist; nothing else to clean.
    }
    throw error;
  }
  syncFolder(dirname(path));
}

function existing(path: string): Stats | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? st : undefined;
  } catch {
    return undefined;
  }
}

function keepOwnerAndMode(fd: number, before: Stats): void {
  try {
    fchownSync(fd, before.uid, before.gid);
  } catch {
    // Only root may give a file away: the new file is the writer's, as any editor's save makes it.
  }
  fchmodSync(fd, before.mode & 0o7777);
}

/**
 * Writes every byte, or throws. A write may take fewer bytes than it was given
 * (a nearly full disk takes what fits); the rest is written again, and a write
 * that takes nothing is a full disk.
 */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) {
    const wrote = writeSync(fd, bytes, done, bytes.length - done);
    if (wrote <= 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    done += wrote;
  }
}

function syncFolder(dir: string): void {
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some file systems do not allow syncing a folder; the rename is still atomic.
  }
}
