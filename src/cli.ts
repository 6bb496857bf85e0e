// The entry point, and the one place that turns an error into a message and an
// exit code. Everything below throws typed errors; nothing else exits.
import { AmbiguousLessonError, LessonNotFoundError, PmGuideError } from './core/errors.js';
import { neutraliseLine, neutraliseTerminal } from './core/text.js';
import { fastCommand, type FastCommand } from './cli/fast-args.js';
import type { GlobalOptions } from './cli/program.js';
import type { Context } from './commands/context.js';
import { resolvePaths } from './io/paths.js';
import { lazyInput, lazyOutput } from './io/std-streams.js';
import { cacheFolder } from './io/cache.js';
import { isHelpRequest, readHelp, writeHelp } from './io/cache-help.js';
import { terminateHandler } from './signals.js';
import { applyColorLevel, colorLevel } from './ui/theme.js';

const INTERNAL_HINT = 'this is a bug in pm-guide: please report it with the command you ran (PM_GUIDE_DEBUG=1 shows details)';

/** A write to stdout or stderr that failed (a full disk, a closed terminal): said in one line, on stderr if it still works. */
function outputFailed(error: NodeJS.ErrnoException): never {
  try {
    process.stderr.write(`pm-guide: cannot write its output (${error.code ?? error.message}): check where the output goes, and that the disk has space\n`);
  } catch {
    // stderr is gone too: the exit code says it.
  }
  process.exit(74); // EX_IOERR
}

const isOutputError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && (error as NodeJS.ErrnoException).syscall === 'write' && typeof (error as NodeJS.ErrnoException).code === 'string';

// Piping into `head` closes stdout early: that is the reader's choice, not an error.
const onBrokenPipe = (): never => process.exit(process.exitCode ?? 0);
const onReal = (stream: NodeJS.WriteStream): void => {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') onBrokenPipe();
    outputFailed(error);
  });
};

// Anything thrown outside a command's own flow (an event handler, a timer) still ends in one line, never a stack trace.
function internalError(error: unknown): void {
  if (isOutputError(error)) outputFailed(error);
  const err = error as Error | undefined;
  try {
    if (process.env.PM_GUIDE_DEBUG) process.stderr.write(`${err?.stack ?? String(error)}\n`);
    process.stderr.write(`${neutraliseLine(`pm-guide: internal error: ${err?.message ?? String(error)} (${INTERNAL_HINT})`)}\n`);
  } catch {
    // Nowhere left to say it.
  }
  process.exit(70); // EX_SOFTWARE
}
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);
// The standard streams, built only if a command needs more than to write to a pipe or a file (see io/std-streams.ts).
const stdout = lazyOutput(1, { onBrokenPipe, onReal });
const stderr = lazyOutput(2, { onBrokenPipe, onReal });
const stdin = lazyInput();

function makeContext(globals: GlobalOptions): Context {
  const level = colorLevel({ flag: globals.color, isTTY: Boolean(stdout.isTTY), env: process.env });
  applyColorLevel(level);
  return {
    paths: resolvePaths({ lessons: globals.lessons, progress: globals.progress }, process.env, process.cwd()),
    stdout,
    stderr,
    stdin,
    env: process.env,
    color: level > 0,
    now: () => new Date(),
  };
}

function fail(message: string, hint: string, code: number): void {
  const line = hint ? `pm-guide: ${message} (${hint})` : `pm-guide: ${message}`;
  stderr.write(`${neutraliseLine(line)}\n`);
  process.exitCode = code;
}

/** Commander's own test for colour in help (NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE), before it asks the stream. */
function envColor(): boolean | undefined {
  const env = process.env;
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) return true;
  return undefined;
}

/** Set when SIGTERM or SIGHUP stopped a prompt: the exit code says which, not 130 as for Ctrl-C. */
let terminatedWith: number | undefined;
for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    const handler = terminateHandler();
    terminatedWith = code;
    process.exitCode = code;
    if (handler) handler();
    else process.exit(code);
  });
}

/** True when argv names no command, only global options: `pm-guide` alone opens the home. */
function wantsHome(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--color' || arg === '--no-color' || /^--(lessons|progress)=./.test(arg)) continue;
    if ((arg === '--lessons' || arg === '--progress') && args[i + 1] !== undefined) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}

/** The common command lines, run without building commander's program (see cli/fast-args.ts). */
async function runFast(command: FastCommand): Promise<void> {
  active = command.name;
  const ctx = makeContext(command.globals);
  switch (command.name) {
    case 'read':
      return (await import('./commands/read.js')).runRead(ctx, { lesson: command.lesson, pager: command.pager });
    case 'list':
      return (await import('./commands/list.js')).runList(ctx, { json: command.json });
    case 'next':
      return (await import('./commands/next.js')).runNext(ctx, { pager: command.pager });
  }
}

/** The command that runs, for its usage line after a lesson name that matches nothing. */
let active: string | undefined;

/** "Usage: pm-guide read [options] [lesson]": commander's usage line of a command, built only when a message needs it. */
async function usageLine(name: string | undefined): Promise<string> {
  const { buildProgram } = await import('./cli/program.js');
  const program = buildProgram(makeContext);
  const command = program.commands.find((c) => c.name() === name);
  return command ? `Usage: pm-guide ${command.name()} ${command.usage()}` : `Usage: pm-guide ${program.usage()}`;
}

/** commander's error class, once commander is loaded (only the program needs it). */
let CommanderErrorClass: (abstract new (...args: never[]) => Error & { exitCode: number }) | undefined;

/** While help may be cached: what commander writes, or undefined once it writes an error. */
let helpText: string[] | undefined;

async function runProgram(argv: string[]): Promise<void> {
  const [{ buildProgram }, { CommanderError }] = await Promise.all([import('./cli/program.js'), import('commander')]);
  CommanderErrorClass = CommanderError;
  const program = buildProgram(makeContext);
  // Commands copy these settings only when they are created, so each gets them here:
  // otherwise commander exits by itself (with 1) on a mistake in a command's arguments.
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (s) => {
        helpText?.push(s);
        return stdout.write(s);
      },
      writeErr: (s) => {
        helpText = undefined;
        return stderr.write(s);
      },
      // Commander repeats what was typed ("unknown command '...'"): nothing typed may drive the terminal.
      outputError: (s, write) => write(neutraliseTerminal(s)),
      // Commander's defaults, asked of the lazy streams so that they are not built for nothing.
      // (Commander's types say number, but its own default gives undefined off a terminal, meaning 80.)
      getOutHelpWidth: () => (stdout.isTTY ? stdout.columns : undefined) as number,
      getErrHelpWidth: () => (stderr.isTTY ? (stderr as NodeJS.WriteStream).columns : undefined) as number,
      getOutHasColors: () => envColor() ?? Boolean(stdout.isTTY && (stdout as NodeJS.WriteStream).hasColors?.()),
      getErrHasColors: () => envColor() ?? Boolean(stderr.isTTY && (stderr as NodeJS.WriteStream).hasColors?.()),
    });
  }
  program.hook('preAction', (_program, command) => {
    active = command.name();
  });
  await program.parseAsync(wantsHome(argv.slice(2)) ? [...argv, 'home'] : argv);
}

/** True for commander's own errors (usage mistakes, help, version). */
function isCommanderError(error: unknown): error is { exitCode: number } {
  return CommanderErrorClass !== undefined && error instanceof CommanderErrorClass;
}

/** Help, from the help cache when it was shown so before (see io/cache-help.ts); otherwise commander's. */
async function runHelp(argv: string[]): Promise<void> {
  const cacheDir = cacheFolder(process.env, resolvePaths({}, process.env, process.cwd()).cacheDir);
  if (!cacheDir) return runProgram(argv);
  // Everything help depends on besides the build: the arguments, the width, and colour.
  const context = JSON.stringify([argv.slice(2), stdout.isTTY ? stdout.columns : null, envColor() ?? null, Boolean(stdout.isTTY && (stdout as NodeJS.WriteStream).hasColors?.())]);
  const cached = readHelp(cacheDir, context);
  if (cached !== undefined) {
    stdout.write(cached);
    process.exitCode = 0;
    return;
  }
  helpText = [];
  try {
    await runProgram(argv);
  } catch (error) {
    if (helpText && isCommanderError(error) && error.exitCode === 0) writeHelp(cacheDir, context, helpText.join(''));
    throw error;
  }
}

export async function main(argv: string[]): Promise<void> {
  applyColorLevel(colorLevel({ flag: argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined, isTTY: Boolean(stdout.isTTY), env: process.env }));
  try {
    const fast = fastCommand(argv.slice(2));
    if (fast) await runFast(fast);
    else if (isHelpRequest(argv.slice(2))) await runHelp(argv);
    else await runProgram(argv);
  } catch (error) {
    if (isCommanderError(error)) {
      // Help and version exit 0; a usage mistake exits 2, as with most command-line tools.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof PmGuideError) {
      if (error.exitCode === 130) {
        if (error.message && error.message !== 'stopped') stderr.write(`${neutraliseLine(error.message)}\n`);
        process.exitCode = terminatedWith ?? 130;
        return;
      }
      fail(error.message, error.hint, error.exitCode);
      if (error instanceof LessonNotFoundError || error instanceof AmbiguousLessonError) stderr.write(`${neutraliseLine(await usageLine(active))}\n`);
      return;
    }
    if (isOutputError(error)) outputFailed(error);
    const err = error as Error;
    if (process.env.PM_GUIDE_DEBUG) stderr.write(`${err?.stack ?? String(error)}\n`);
    fail(`internal error: ${err?.message ?? String(error)}`, INTERNAL_HINT, 70);
  }
}

void main(process.argv);
