// Comparing cached runs with uncached ones (PM_GUIDE_NO_CACHE=1): the caches
// change how fast pm-guide answers, never what it says or saves.
import { readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { run, type RunResult } from './run.js';

/** Runs pm-guide twice from the same progress, cached and uncached, and expects the same result. */
export function same(home: string, progressTemplate: string | undefined, args: string[], env: Record<string, string> = {}): RunResult {
  const results = [false, true].map((cached) => {
    const progress = join(home, 'progress.json');
    if (progressTemplate === undefined) rmSync(progress, { force: true });
    else writeFileSync(progress, progressTemplate);
    const r = run(['--progress', progress, ...args], { env: { HOME: home, ...env, ...(cached ? {} : { PM_GUIDE_NO_CACHE: '1' }) } });
    return { ...r, saved: readFileSyncOr(progress) };
  });
  const [uncached, cached] = results as [RunResult & { saved: string }, RunResult & { saved: string }];
  expect(cached.code, cached.stderr).toBe(uncached.code);
  expect(cached.stdout).toBe(uncached.stdout);
  expect(cached.stderr).toBe(uncached.stderr);
  // What is saved must not depend on the cache either, but for the time of day in it.
  expect(cached.saved.replace(/"\d{4}-\d\d-\d\dT[^"]*"/g, 'T')).toBe(uncached.saved.replace(/"\d{4}-\d\d-\d\dT[^"]*"/g, 'T'));
  return cached;
}

function readFileSyncOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export const cacheFiles = (home: string, sub = ''): string[] => {
  try {
    return readdirSync(join(home, 'cache', 'pm-guide', sub));
  } catch {
    return [];
  }
};

/** Makes files older than the index's two-second "too recent to trust" window. */
export function age(dir: string): Promise<void> {
  const old = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), old, old);
  }
  // ctime cannot be set back: wait until it too is outside the window.
  return new Promise((resolve) => setTimeout(resolve, 2_100));
}
