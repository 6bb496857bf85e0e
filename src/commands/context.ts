// What every command gets: where things are, the streams, the clock, and the
// colour decision. Commands never reach for process.* themselves, so tests can
// run them in-process with their own streams and clock.
import type { Readable, Writable } from 'node:stream';
import type { Paths } from '../io/paths.js';

export type OutStream = Writable & { isTTY?: boolean; columns?: number; rows?: number };
export type InStream = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

export interface Context {
  paths: Paths;
  stdout: OutStream;
  stderr: Writable;
  stdin: InStream;
  env: NodeJS.ProcessEnv;
  /** True when pm-guide's output may use colour and styling. */
  color: boolean;
  now: () => Date;
}

export function print(ctx: Context, text = ''): void {
  ctx.stdout.write(`${text}\n`);
}

export function warn(ctx: Context, text: string): void {
  ctx.stderr.write(`${text}\n`);
}

export function terminalWidth(ctx: Context): number {
  const fromEnv = Number(ctx.env.COLUMNS);
  if (ctx.stdout.isTTY && ctx.stdout.columns) return ctx.stdout.columns;
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return 80;
}

export function isInteractive(ctx: Context): boolean {
  // stdout first: when it is a pipe, stdin (often the terminal) need not be built at all.
  return Boolean(ctx.stdout.isTTY && ctx.stdin.isTTY);
}
