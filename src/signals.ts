// SIGTERM and SIGHUP mid-prompt: the command in charge registers how to stop
// cleanly (its answers are already saved); otherwise pm-guide just ends.
let handler: (() => void) | undefined;

export function onTerminate(fn: (() => void) | undefined): void {
  handler = fn;
}

export function terminateHandler(): (() => void) | undefined {
  return handler;
}
