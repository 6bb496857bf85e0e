// Runs the built binary in a real pseudo-terminal (node-pty), for prompts, the
// pager, colours and Ctrl-C. `screen()` is what a person would see, with
// escape sequences removed.
import * as pty from '@lydell/node-pty';
import { baseEnv, binPath, repoRoot, tempDir } from './run.js';

export const keys = {
  up: '\u001b[A',
  down: '\u001b[B',
  enter: '\r',
  space: ' ',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
  esc: '\u001b',
};

export interface PtySession {
  output(): string;
  /** Output with ANSI sequences removed. */
  screen(): string;
  write(data: string): void;
  waitFor(pattern: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<void>;
  exited(timeoutMs?: number): Promise<{ exitCode: number; signal?: number | undefined }>;
  kill(signal?: string): void;
  /** Resizes the terminal, as dragging the window does (the program gets SIGWINCH). */
  resize(cols: number, rows: number): void;
  pid: number;
}

export function stripAnsiAll(text: string): string {
  return text
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g, '')
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b[()][0-9A-Za-z]/g, '')
    .replace(/\u001b[=>78]/g, '')
    .replace(/\r/g, '');
}

export function spawnPty(args: string[], options: { env?: Record<string, string | undefined>; cols?: number; rows?: number; cwd?: string } = {}): PtySession {
  const home = options.env?.HOME ?? tempDir();
  const env = { ...baseEnv(home), ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const proc = pty.spawn(process.execPath, [binPath, ...args], {
    name: env.TERM ?? 'xterm-256color', // node-pty sets TERM from this
    cols: options.cols ?? 80,
    rows: options.rows ?? 30,
    cwd: options.cwd ?? repoRoot,
    env: env as Record<string, string>,
  });
  let out = '';
  let exit: { exitCode: number; signal?: number | undefined } | undefined;
  const exitWaiters: Array<() => void> = [];
  proc.onData((d) => {
    out += d;
  });
  // node-pty can report the exit before the last of the output has been read:
  // the session counts as ended only a moment later, once that output is in.
  proc.onExit((e) => {
    setTimeout(() => {
      exit = e;
      for (const w of exitWaiters.splice(0)) w();
    }, 150);
  });
  const session: PtySession = {
    pid: proc.pid,
    output: () => out,
    screen: () => stripAnsiAll(out),
    write: (data) => proc.write(data),
    kill: (signal) => proc.kill(signal),
    resize: (cols, rows) => proc.resize(cols, rows),
    async waitFor(pattern, timeoutMs = 10_000) {
      const start = Date.now();
      const matches = (): boolean =>
        typeof pattern === 'string' ? session.screen().includes(pattern) : typeof pattern === 'function' ? pattern(session.screen()) : pattern.test(session.screen());
      while (!matches()) {
        if (exit && !matches()) throw new Error(`process exited (${exit.exitCode}) before showing ${String(pattern)}. Screen:\n${session.screen().slice(-2000)}`);
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(pattern)}. Screen:\n${session.screen().slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    exited(timeoutMs = 10_000) {
      if (exit) return Promise.resolve(exit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`process did not exit. Screen:\n${session.screen().slice(-2000)}`)), timeoutMs);
        exitWaiters.push(() => {
          clearTimeout(timer);
          resolve(exit!);
        });
      });
    },
  };
  return session;
}

export { repoRoot };
