// The entry point: runs the command line for this process, with the terminal's
// streams and a prompter, and turns a crash or a failed write into one line.
import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { GlobalOptions } from './cli/program.js';
import { internalErrorLine, isOutputError, runCli } from './cli/run.js';
import type { Context } from './context.js';
import { resolvePaths } from './io/paths.js';
import { stoppedBySignal, terminalGone } from './signals.js';
import { applyColorLevel, colorLevel } from './ui/theme.js';
import { terminalPrompter } from './ui/terminal-prompter.js';

/** A write to stdout or stderr that failed (a full disk, a closed terminal): said in one line, on stderr if it still works. */
function outputFailed(error: NodeJS.ErrnoException): never {
  try {
    process.stderr.write(`pm-guide: cannot write its output (${error.code ?? error.message}): check where the output goes, and that the disk has space\n`);
  } catch {
    // stderr is gone too: the exit code says it.
  }
  process.exit(74); // EX_IOERR
}

/**
 * EIO from a terminal: it was closed (the window, an ssh connection) under a
 * running pm-guide. Every answer shown was saved as it was given, so pm-guide
 * ends as a hang-up ends it, with 129, and says nothing: there is no one to read it.
 */
const isTerminalGone = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'EIO';

// Streams that were a terminal when pm-guide started. At exit, Node puts back the terminal
// settings it found, and aborts (a native trace, SIGABRT) when the terminal is gone: a
// descriptor that is closed is skipped, so a terminal that went away is closed first.
const startedOnTerminal = [0, 1, 2].filter((fd) => isatty(fd));
process.on('exit', () => {
  for (const fd of startedOnTerminal) {
    if (isatty(fd)) continue;
    try {
      closeSync(fd);
    } catch {
      // Closed already.
    }
  }
});

for (const stream of [process.stdout, process.stderr, process.stdin]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // Piping into `head` closes stdout early: that is the reader's choice, not an error.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (isTerminalGone(error)) process.exit(terminalGone());
    if (stream === process.stdin) internalError(error);
    else outputFailed(error);
  });
}

// Anything thrown outside a command's own flow (an event handler, a timer) still ends in one line, never a stack trace.
function internalError(error: unknown): void {
  if (isTerminalGone(error)) process.exit(terminalGone());
  if (isOutputError(error)) outputFailed(error);
  try {
    if (process.env.PM_GUIDE_DEBUG) process.stderr.write(`${(error as Error | undefined)?.stack ?? String(error)}\n`);
    process.stderr.write(`${internalErrorLine(error)}\n`);
  } catch {
    // Nowhere left to say it.
  }
  process.exit(70); // EX_SOFTWARE
}
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

function makeContext(globals: GlobalOptions): Context {
  const level = colorLevel({ flag: globals.color, isTTY: Boolean(process.stdout.isTTY), env: process.env });
  applyColorLevel(level);
  const ctx: Context = {
    paths: resolvePaths({ lessons: globals.lessons, progress: globals.progress }, process.env, process.cwd()),
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    color: level > 0,
    now: () => new Date(),
    prompter: terminalPrompter(() => ctx),
  };
  return ctx;
}

void runCli(process.argv.slice(2), makeContext, { stdout: process.stdout, stderr: process.stderr, env: process.env, terminatedWith: stoppedBySignal }).then(
  (code) => {
    process.exitCode = stoppedBySignal() ?? code;
  },
  (error: unknown) => internalError(error),
);
