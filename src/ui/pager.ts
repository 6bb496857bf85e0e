// Shows long text through the learner's pager ($PAGER, else `less -R`), the
// way git does: only on a terminal, only when it would not fit on one screen.
import { spawn } from 'node:child_process';

export interface PageOptions {
  env: NodeJS.ProcessEnv;
  rows: number;
  enabled: boolean;
  isTTY: boolean;
}

export function shouldPage(text: string, options: PageOptions): boolean {
  if (!options.enabled || !options.isTTY) return false;
  const pager = options.env.PAGER;
  if (pager !== undefined && (pager.trim() === '' || pager.trim() === 'cat')) return false;
  return text.split('\n').length > Math.max(1, options.rows - 1);
}

/** Pipes text into the pager and waits for it to close. Resolves false when no pager could be started. */
export function page(text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const command = env.PAGER?.trim() || 'less -R';
  return new Promise((resolve) => {
    // Ctrl-C belongs to the pager while it runs (less uses it to stop a search).
    const ignore = (): void => {};
    process.on('SIGINT', ignore);
    const done = (started: boolean): void => {
      process.removeListener('SIGINT', ignore);
      resolve(started);
    };
    let child;
    try {
      child = spawn(command, {
        shell: true,
        stdio: ['pipe', 'inherit', 'inherit'],
        env: { ...env, LESS: env.LESS ?? 'R', LV: env.LV ?? '-c' },
      });
    } catch {
      done(false);
      return;
    }
    let started = true;
    child.on('error', () => {
      started = false;
    });
    child.stdin.on('error', () => {
      // The learner quit the pager before reading everything: not an error.
    });
    child.on('close', (code) => done(started && code !== 127));
    child.stdin.end(text);
  });
}
