// Shared pieces of the hostile-input suites: courses written to temp folders,
// and the checks every case makes (one clear line, no stack trace, nothing
// that drives the terminal).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { runIn, type InProcessOptions, type InProcessResult } from './in-process.js';
import { run, tempDir, type RunOptions, type RunResult } from './run.js';

/** Writes files (text or bytes) below a new temp folder and returns the folder. */
export function makeCourse(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('pm-guide-hostile-');
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** A small, valid lesson in our own words. */
export function lesson(title: string, body = 'Plain words about tending a small garden.', front: Record<string, string | number> = {}): string {
  const extra = Object.entries(front)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`)
    .join('\n');
  return `---\ntitle: ${JSON.stringify(title)}\n${extra ? `${extra}\n` : ''}---\n\n# ${title}\n\n${body}\n`;
}

/** A lesson with enough structure for a quiz: four named duties with examples and outcomes. */
export function quizLesson(title: string, front: Record<string, string | number> = {}): string {
  const duties = ['Sowing Seeds', 'Pulling Weeds', 'Turning Compost', 'Mending Fences'].map(
    (name, i) =>
      `### ${i + 1}. ${name}\n\nA job that comes round every week of the growing season, done with care and patience.\n\n- **Example**: Doing it on a wet Tuesday morning number ${i + 1}.\n- **Outcome**: A tidier plot, result ${i + 1}.\n`,
  );
  return lesson(title, `## Duties\n\n${duties.join('\n')}`, front);
}

/** Runs pm-guide in process on a course with its own progress file. */
export async function pm(dir: string, args: string[], options: InProcessOptions & { progress?: string } = {}): Promise<InProcessResult & { ms: number }> {
  const start = Date.now();
  const r = await runIn(['--lessons', dir, '--progress', options.progress ?? join(dir, '.progress.json'), ...args], options);
  return { ...r, ms: Date.now() - start };
}

/** Runs the built binary on a course with its own progress file: for what needs a process of its own. */
export function pmBinary(dir: string, args: string[], options: RunOptions & { progress?: string } = {}): RunResult & { ms: number } {
  const start = Date.now();
  const r = run(['--lessons', dir, '--progress', options.progress ?? join(dir, '.progress.json'), ...args], options);
  return { ...r, ms: Date.now() - start };
}

/** Anything a terminal would act on, once pm-guide's own SGR styling is set aside. */
export function drivesTerminal(text: string): boolean {
  return /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text.replace(/\u001b\[[0-9;]*m/g, ''));
}

export const STACK_TRACE = /^\s+at |Error: .*\n\s+at |node:internal|\.cjs:\d+/m;

/** The run failed the way a user can act on: a non-zero exit, one line on stderr, nothing else. */
export function expectOneLineFailure(r: Pick<RunResult, 'code' | 'stderr' | 'signal'>, pattern: RegExp, code?: number): void {
  expect(r.signal, r.stderr).toBeNull();
  if (code === undefined) expect(r.code, r.stderr).not.toBe(0);
  else expect(r.code, r.stderr).toBe(code);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^pm-guide: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(drivesTerminal(r.stderr)).toBe(false);
}

/** The run succeeded and printed nothing that could drive the terminal. */
export function expectCleanSuccess(r: Pick<RunResult, 'code' | 'stderr' | 'stdout' | 'signal'>): void {
  expect(r.signal, r.stderr).toBeNull();
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(drivesTerminal(r.stdout)).toBe(false);
  expect(drivesTerminal(r.stderr)).toBe(false);
}
