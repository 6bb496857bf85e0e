// Runs the built binary as a user would, with its own progress file and no colour
// unless a test asks for it. Requires `npm run build` (npm test does it first).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const binPath = join(repoRoot, 'bin', 'pm-guide.js');
export const lessonsDir = join(repoRoot, 'lessons');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
  timeoutMs?: number;
}

/** A clean environment: no colour forcing, no pager, HOME in a temp folder. */
export function baseEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'LANG', 'SYSTEMROOT']) if (process.env[key]) env[key] = process.env[key]!;
  env.HOME = home;
  env.XDG_DATA_HOME = join(home, 'data');
  env.XDG_CACHE_HOME = join(home, 'cache');
  env.TERM = 'xterm-256color';
  return env;
}

export function run(args: string[], options: RunOptions = {}): RunResult {
  const home = options.env?.HOME ?? tempDir();
  const env = { ...baseEnv(home), ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [binPath, ...args], {
    encoding: 'utf8',
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? '',
    cwd: options.cwd ?? repoRoot,
    timeout: options.timeoutMs ?? 15_000,
    // A hung pm-guide may be busy in a loop that never lets its SIGTERM handler run: KILL ends it, and the test fails.
    killSignal: 'SIGKILL',
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const temps: string[] = [];
export function tempDir(prefix = 'pm-guide-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function cleanTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** True when text holds an ANSI escape sequence (or any ESC byte). */
export function hasEscapes(text: string): boolean {
  return text.includes('\u001b');
}
