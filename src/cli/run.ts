// Runs one command line and says how it ended: the one place that turns an
// error into a message and an exit code. src/cli.ts runs it for the terminal;
// tests run it in process, with a Context of their own.
import { CommanderError } from 'commander';
import type { Writable } from 'node:stream';
import { PmGuideError } from '../core/errors.js';
import { neutraliseLine, neutraliseTerminal } from '../core/text.js';
import { buildProgram, type ContextFactory } from './program.js';

const INTERNAL_HINT = 'this is a bug in pm-guide: please report it with the command you ran (PM_GUIDE_DEBUG=1 shows details)';

export const isOutputError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && (error as NodeJS.ErrnoException).syscall === 'write' && typeof (error as NodeJS.ErrnoException).code === 'string';

export interface RunEnvironment {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** The exit code a signal asked for (SIGTERM 143, SIGHUP 129), when one stopped a prompt. */
  terminatedWith?: () => number | undefined;
}

export function internalErrorLine(error: unknown): string {
  const err = error as Error | undefined;
  return neutraliseLine(`pm-guide: internal error: ${err?.message ?? String(error)} (${INTERNAL_HINT})`);
}

/** Only global options, or none: the home screen. Asked of a silent program of its own, as parsing sets option values. */
function wantsHome(args: readonly string[], makeContext: ContextFactory): boolean {
  const probe = buildProgram(makeContext).exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  try {
    const { operands, unknown } = probe.parseOptions([...args]);
    return operands.length === 0 && unknown.length === 0;
  } catch {
    return false; // --version, or a mistake: the real parse says it.
  }
}

/** Runs argv (without node and the script) and resolves with the exit code. Output errors are thrown for the caller. */
export async function runCli(args: readonly string[], makeContext: ContextFactory, io: RunEnvironment): Promise<number> {
  const say = (line: string): void => void io.stderr.write(`${neutraliseLine(line)}\n`);
  const program = buildProgram(makeContext);
  // Commands copy these settings only when they are created, so each gets them here:
  // otherwise commander exits by itself (with 1) on a mistake in a command's arguments.
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80),
      // Commander repeats what was typed ("unknown command '...'"): nothing typed may drive the terminal.
      outputError: (s, write) => write(neutraliseTerminal(s)),
    });
  }
  try {
    await program.parseAsync(wantsHome(args, makeContext) ? [...args, 'home'] : [...args], { from: 'user' });
    return 0;
  } catch (error) {
    // Help and version end with 0; a usage mistake with 2, as with most command-line tools.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof PmGuideError) {
      if (error.exitCode === 130) {
        if (error.message && error.message !== 'stopped') say(error.message);
        return io.terminatedWith?.() ?? 130;
      }
      say(error.hint ? `pm-guide: ${error.message} (${error.hint})` : `pm-guide: ${error.message}`);
      return error.exitCode;
    }
    if (isOutputError(error)) throw error;
    if (io.env.PM_GUIDE_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    say(internalErrorLine(error));
    return 70; // EX_SOFTWARE
  }
}
