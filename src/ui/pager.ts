// Shows long text through the learner's pager ($PAGER, else `less -R`), the
// way git does: only on a terminal, only when it would not fit on one screen.
import { spawn } from 'node:child_process';
import { onTerminate, terminateHandler } from '../signals.js';

export interface PageOptions {
  env: NodeJS.ProcessEnv;
  rows: number;
  enabled: boolean;
  isTTY: boolean;
}

export function shouldPage(text: string, options: PageOptions): boolean {
  if (!options.enabled || !options.isTTY) return false;
  // less on a dumb terminal stops to say it is not fully functional: print instead.
  if (options.env.TERM === 'dumb') return false;
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
    // SIGTERM or SIGHUP while paging: the pager goes too (it restores the screen as it ends), then pm-guide.
    const previous = terminateHandler();
    const done = (started: boolean): void => {
      process.removeListener('SIGINT', ignore);
      onTerminate(previous);
      resolve(started);
    };
    // A plain command ("less -R", "most") is run directly, as git does, so that the child is the pager
    // itself and a signal for it reaches it; anything with shell syntax goes through the shell.
    const words = command.split(/\s+/);
    const plain = /^[\w./@%+=:,-]+$/.test(words.join(''));
    const options = { stdio: ['pipe', 'inherit', 'inherit'] as ('pipe' | 'inherit')[], env: { ...env, LESS: env.LESS ?? 'R', LV: env.LV ?? '-c' } };
    let child;
    try {
      child = plain ? spawn(words[0]!, words.slice(1), options) : spawn(command, { ...options, shell: true });
    } catch {
      done(false);
      return;
    }
    const pager = child;
    onTerminate(() => {
      pager.kill('SIGTERM');
    });
    let finished = false;
    const finish = (started: boolean): void => {
      if (finished) return;
      finished = true;
      done(started);
    };
    child.on('error', () => finish(false)); // Not found, or not runnable: the text is printed instead.
    child.stdin?.on('error', () => {
      // The learner quit the pager before reading everything: not an error.
    });
    child.on('close', (code) => finish(code !== 127));
    child.stdin?.end(text);
  });
}
