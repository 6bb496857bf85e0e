// Signals while a command is in charge of the terminal. A command that must
// finish something first (the quiz saves the answer just given, the pager
// ends its pager) registers how to stop; only then does pm-guide listen for
// the signal, and the command ends as soon as its current step is done.
// Without a handler no listener is installed, so SIGTERM and SIGHUP end long
// work (stats on a huge course) at once, as the kernel does: every write
// pm-guide makes is atomic, so ending anywhere loses nothing.
//
// JavaScript handlers run between steps, never inside one: a save, being
// synchronous, always finishes before a signal is acted on.

type Stop = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** The exit code each signal asks for, as a shell reports a process it ended. */
export const SIGNAL_EXIT_CODES: Readonly<Record<Stop, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

let handler: (() => void) | undefined;
let interruptHandler: (() => void) | undefined;
let stoppedBy: number | undefined;

const listeners: Record<Stop, () => void> = {
  SIGINT: () => stop('SIGINT'),
  SIGTERM: () => stop('SIGTERM'),
  SIGHUP: () => stop('SIGHUP'),
};

function stop(signal: Stop): void {
  stoppedBy ??= SIGNAL_EXIT_CODES[signal];
  process.exitCode = stoppedBy;
  const run = signal === 'SIGINT' ? interruptHandler : handler;
  run?.();
}

function listen(signal: Stop, wanted: boolean): void {
  const has = process.listeners(signal).includes(listeners[signal]);
  if (wanted && !has) process.on(signal, listeners[signal]);
  if (!wanted && has) process.removeListener(signal, listeners[signal]);
}

/** How to stop on SIGTERM and SIGHUP (undefined: the default, which ends pm-guide at once). */
export function onTerminate(fn: (() => void) | undefined): void {
  handler = fn;
  listen('SIGTERM', fn !== undefined);
  listen('SIGHUP', fn !== undefined);
}

export function terminateHandler(): (() => void) | undefined {
  return handler;
}

/**
 * How to stop on SIGINT: Ctrl-C while the terminal is not in a prompt's raw
 * mode (between Enter and the next question, while the answer is saved).
 * Undefined: the default again.
 */
export function onInterrupt(fn: (() => void) | undefined): void {
  interruptHandler = fn;
  listen('SIGINT', fn !== undefined);
}

/** The exit code of the signal that stopped a command (130, 143, 129), if one did. */
export function stoppedBySignal(): number | undefined {
  return stoppedBy;
}

/** Says that the terminal went away (EIO, a hang-up): pm-guide ends as SIGHUP ends it. */
export function terminalGone(): number {
  stoppedBy ??= SIGNAL_EXIT_CODES.SIGHUP;
  return stoppedBy;
}
