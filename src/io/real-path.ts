// What a path really is, asked before pm-guide opens it: the file it names
// once every symlink is followed (so two paths to one file share one lock and
// one rename), and whether it is a file pm-guide may read at all. A FIFO waits
// for a writer, a device or a file of /proc or /sys may never end, and
// mkdirSync({ recursive: true }) under /proc loops forever on Node 20: each is
// refused before it is opened.
import { lstatSync, readlinkSync, realpathSync, statSync, statfsSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Linux's own limit on the links followed in one path. */
const MAX_LINKS = 40;
/** statfs types of the kernel's own file systems: /proc and /sys (and the debug, security and cgroup views). */
const KERNEL_FILE_SYSTEMS = new Set([0x9fa0, 0x62656572, 0x64626720, 0x73636673, 0x27e0eb, 0x63677270, 0xcafe4a11]);
const KERNEL_FOLDERS = ['/proc', '/sys'];

/** Thrown when the links in a path go round in a circle or run too deep. */
export class LinkLoopError extends Error {
  readonly code = 'ELOOP';
}

/**
 * The file `path` names, with every symlink followed, in its folders and at its
 * end, also when the last link points at a file that does not exist yet (a
 * dangling link: that is the file to create, and the link stays). A missing
 * folder ends the walk: the path is what it says below it.
 */
export function realFile(path: string): string {
  let current = resolve(path);
  for (let links = 0; links <= MAX_LINKS; links++) {
    let folder: string;
    try {
      folder = realpathSync(dirname(current));
    } catch {
      return current; // Its folder does not exist yet: nothing to follow.
    }
    current = join(folder, basename(current));
    let st: Stats;
    try {
      st = lstatSync(current);
    } catch {
      return current; // Not there yet: the file to create.
    }
    if (!st.isSymbolicLink()) return current;
    current = resolve(folder, readlinkSync(current));
  }
  throw new LinkLoopError(`too many symlinks (a loop?) in ${path}`);
}

/** Whether a path (or the nearest folder above it that exists) belongs to /proc, /sys or another kernel file system. */
export function onKernelFileSystem(path: string): boolean {
  let current = resolve(path);
  if (KERNEL_FOLDERS.some((top) => current === top || current.startsWith(`${top}/`))) return true;
  for (;;) {
    try {
      return KERNEL_FILE_SYSTEMS.has(Number(statfsSync(current).type));
    } catch {
      const up = dirname(current);
      if (up === current) return false;
      current = up;
    }
  }
}

/**
 * Why pm-guide will not open `path` as a file of its own, in a few words; undefined
 * when it is a regular file (or none, yet). Links are followed.
 */
export function notARegularFile(path: string): string | undefined {
  if (onKernelFileSystem(path)) return 'is a file of the system (/proc or /sys), not a pm-guide file';
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    return undefined; // Missing, or unreadable: the open says which.
  }
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'is a folder, not a file';
  if (st.isFIFO()) return 'is not a regular file (it is a FIFO, a named pipe)';
  if (st.isSocket()) return 'is not a regular file (it is a socket)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is not a regular file (it is a device)';
  return 'is not a regular file';
}
