// What every command gets: where things are, the streams, the clock, the
// colour decision and a prompter. Commands never reach for process.*
// themselves, so tests run them in-process with their own streams, clock and
// scripted answers.
import type { Readable, Writable } from 'node:stream';
import type { Paths } from './io/paths.js';

export type OutStream = Writable & { isTTY?: boolean; columns?: number; rows?: number };
export type InStream = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/** One choice of a question or menu. */
export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface MenuItem<T> {
  name: string;
  value: T;
  /** Shown dim at the right of the line (status, a number). */
  hint?: string;
  /** More words the filter matches ("test" for the quiz item). */
  keywords?: string;
  /** Shown under the menu while the item is active. */
  description?: string;
}

export interface PickOptions<T> {
  message: string;
  /** The items, or a function of what is typed (a search). A fixed list is filtered by the typed words. */
  items: readonly MenuItem<T>[] | ((typed: string) => readonly MenuItem<T>[]);
  default?: T;
  pageSize?: number;
  /** `q` typed first leaves, like Esc. */
  quitKey?: boolean;
  /** What the bottom line says to do: "type to filter" unless given. */
  typeHint?: string;
  /** What Esc does, for the bottom line: "back" unless given. */
  escHint?: string;
  /** Shown when nothing matches what is typed. */
  empty?: string;
}

/** A quiz question as the prompter shows it. */
export interface QuizAsk {
  kind: 'single' | 'multiple' | 'text' | 'boolean';
  message: string;
  choices: string[];
  /** Whether to offer a hint (not once one was shown). */
  offerHint: boolean;
}

/**
 * What a learner did with a quiz question: answered it, asked for a hint,
 * said they do not know, or left the quiz (Esc, or q in a list).
 */
export type QuizReply = { kind: 'answer'; value: string | string[] } | { kind: 'hint' } | { kind: 'unknown' } | { kind: 'leave' };

/**
 * Everything pm-guide asks a person. In a terminal it is inquirer
 * (ui/terminal-prompter.ts); in tests, a script of answers. Ctrl-C rejects
 * with InterruptedError; Esc in a menu resolves to undefined.
 */
export interface Prompter {
  /** A quiz question: an empty answer is asked again, never marked. */
  quizQuestion(ask: QuizAsk): Promise<QuizReply>;
  /** After an answer: how sure the learner is (one key; Enter is "think so"), or 'leave' for Esc. */
  howSure(): Promise<'sure' | 'think' | 'guess' | 'leave'>;
  chooseOne<T>(message: string, choices: Choice<T>[]): Promise<T>;
  chooseMany<T>(message: string, choices: Choice<T>[]): Promise<T[]>;
  typeAnswer(message: string): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  pick<T>(options: PickOptions<T>): Promise<T | undefined>;
  /** Shows a dim line and waits for one key; resolves with its name ("return", "q", "escape", ...). */
  waitForKey(message: string): Promise<string>;
  /** Ends the prompt on screen now (SIGTERM, SIGHUP): it rejects with InterruptedError. */
  abort(): void;
}

export interface Context {
  paths: Paths;
  /** The folder relative paths on the command line are taken from. */
  cwd: string;
  stdout: OutStream;
  stderr: Writable;
  stdin: InStream;
  env: NodeJS.ProcessEnv;
  /** True when pm-guide's output may use colour and styling. */
  color: boolean;
  now: () => Date;
  prompter: Prompter;
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
