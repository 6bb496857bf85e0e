// The entry point, and the one place that turns an error into a message and an
// exit code. Everything below throws typed errors; nothing else exits.
import { CommanderError } from 'commander';
import { PmGuideError } from './core/errors.js';
import { neutraliseLine } from './core/text.js';
import { buildProgram, type GlobalOptions } from './cli/program.js';
import type { Context } from './commands/context.js';
import { resolvePaths } from './io/paths.js';
import { terminateHandler } from './signals.js';
import { applyColorLevel, colorLevel } from './ui/theme.js';

function makeContext(globals: GlobalOptions): Context {
  const level = colorLevel({ flag: globals.color, isTTY: Boolean(process.stdout.isTTY), env: process.env });
  applyColorLevel(level);
  return {
    paths: resolvePaths({ lessons: globals.lessons, progress: globals.progress }, process.env, process.cwd()),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    color: level > 0,
    now: () => new Date(),
  };
}

function fail(message: string, hint: string, code: number): void {
  const line = hint ? `pm-guide: ${message} (${hint})` : `pm-guide: ${message}`;
  process.stderr.write(`${neutraliseLine(line)}\n`);
  process.exitCode = code;
}

// Piping into `head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    const handler = terminateHandler();
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

export async function main(argv: string[]): Promise<void> {
  applyColorLevel(colorLevel({ flag: argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined, isTTY: Boolean(process.stdout.isTTY), env: process.env }));
  const program = buildProgram(makeContext);
  // Commands copy these settings only when they are created, so each gets them here:
  // otherwise commander exits by itself (with 1) on a mistake in a command's arguments.
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    });
  }
  try {
    await program.parseAsync(wantsHome(argv.slice(2)) ? [...argv, 'home'] : argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; a usage mistake exits 2, as with most command-line tools.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof PmGuideError) {
      if (error.exitCode === 130) {
        if (error.message && error.message !== 'stopped') process.stderr.write(`${neutraliseLine(error.message)}\n`);
        process.exitCode = 130;
        return;
      }
      fail(error.message, error.hint, error.exitCode);
      return;
    }
    const err = error as Error;
    if (process.env.PM_GUIDE_DEBUG) process.stderr.write(`${err?.stack ?? String(error)}\n`);
    fail(`internal error: ${err?.message ?? String(error)}`, 'this is a bug in pm-guide: please report it with the command you ran (PM_GUIDE_DEBUG=1 shows details)', 70);
  }
}

await main(process.argv);
