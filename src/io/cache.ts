// The cache folder ($XDG_CACHE_HOME/pm-guide): what pm-guide can always work
// out again, kept so that it need not. A cache file is never trusted blindly:
// each names the build that wrote it and checks its own content, anything
// unreadable or unexpected is ignored and rebuilt, and a cache that cannot be
// written costs only the time to work it out again next run.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stableHash } from '../core/text.js';

declare const PM_GUIDE_BUILD: string | undefined;

/**
 * The build's identity (a hash of its sources and dependencies, set by
 * scripts/build.mjs): caches written by another build are not used. Undefined
 * when running from source, as tests in-process do: caches are off then.
 */
export function buildId(): string | undefined {
  return typeof PM_GUIDE_BUILD === 'string' ? PM_GUIDE_BUILD : undefined;
}

/** The cache folder to use, or undefined when caching is off (from source, or PM_GUIDE_NO_CACHE). */
export function cacheFolder(env: NodeJS.ProcessEnv, dir: string): string | undefined {
  return buildId() !== undefined && !env.PM_GUIDE_NO_CACHE ? dir : undefined;
}

/** A key for any text: two 53-bit hashes and the length. */
export function hashKey(text: string): string {
  return `${stableHash(text)}-${stableHash(`\u0001${text}`)}-${text.length.toString(36)}`;
}

export function readCache(path: string): string | undefined {
  try {
    // Asked first, because a missing file is the usual miss and an exception costs more than the question.
    if (!statSync(path, { throwIfNoEntry: false })) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes whole or not at all (temp file, then rename); failures are silent. */
export function writeCache(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, path);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more to do: the next run works it out again.
    }
  }
}

/** Enough for a large course read many times over; beyond it the oldest go. */
const MAX_ENTRIES = 2_000;

/** Keeps a folder of cache entries bounded: past MAX_ENTRIES, the least recently written quarter goes. */
export function pruneCache(dir: string): void {
  try {
    const names = readdirSync(dir);
    if (names.length <= MAX_ENTRIES) return;
    const aged = names.map((name) => {
      try {
        return { name, at: statSync(join(dir, name)).mtimeMs };
      } catch {
        return { name, at: 0 };
      }
    });
    aged.sort((a, b) => a.at - b.at);
    for (const { name } of aged.slice(0, Math.ceil(MAX_ENTRIES / 4))) rmSync(join(dir, name), { force: true });
  } catch {
    // A cache left a little large is harmless.
  }
}
