// The one module that talks to @inquirer/prompts. Commands ask through these
// functions, so tests can drive them and Ctrl-C always means the same thing.
import { checkbox, confirm as inquirerConfirm, input, select } from '@inquirer/prompts';
import { createPrompt, isDownKey, isEnterKey, isUpKey, useKeypress, useMemo, usePagination, useState, type KeypressEvent } from '@inquirer/core';
import { InterruptedError } from '../core/errors.js';
import { editDistance } from '../core/text.js';
import { terminalGone } from '../signals.js';
import type { Choice, Context, PickOptions } from '../context.js';
import { displayWidth, stripAnsi, truncate } from './ansi.js';
import { answerAfter, fitChoices, pageSizeFor, wrapped } from './prompt-layout.js';
import { theme } from './theme.js';

let abort: AbortController | undefined;

/** Ends the prompt on screen now (SIGTERM, SIGHUP): it rejects with InterruptedError. */
export function abortPrompts(): void {
  abort?.abort();
}

export async function ask<T>(run: (context: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal }) => Promise<T>, ctx: Context): Promise<T> {
  const controller = (abort = new AbortController());
  // inquirer drops keys typed before its first render (stale input), Ctrl-C among them: one typed
  // just after the previous Enter was swallowed and the quiz went on. A Ctrl-C byte seen at any
  // point of the prompt stops it.
  const onData = (chunk: Buffer | string): void => {
    if (chunk.includes('\u0003')) controller.abort();
  };
  if (ctx.stdin.isTTY) ctx.stdin.on('data', onData);
  try {
    return await run({ input: ctx.stdin, output: ctx.stdout, signal: controller.signal });
  } catch (error) {
    const name = (error as Error | undefined)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') throw new InterruptedError();
    // The terminal went away under the prompt (setRawMode or a read says EIO): stop as a hang-up does.
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EIO') {
      terminalGone();
      throw new InterruptedError();
    }
    throw error;
  } finally {
    ctx.stdin.removeListener('data', onData);
    abort = undefined;
  }
}

/**
 * An answered prompt keeps a plain mark, not inquirer's green tick: a quiz
 * answer stays on screen above "Not quite.", and a tick beside a wrong answer
 * would say the opposite.
 */
const answered = () => ({ prefix: { idle: theme.accent('?'), done: theme.dim('›') } });

export function chooseOne<T>(ctx: Context, message: string, choices: Choice<T>[]): Promise<T> {
  const question = wrapped(ctx, message, 2);
  const fitted = fitChoices(ctx, choices, 2).map((c, i) => ({ ...c, short: answerAfter(ctx, question, choices[i]!.name) }));
  return ask((c) => select({ message: question, choices: fitted, loop: false, pageSize: pageSizeFor(ctx, fitted), theme: answered() }, c), ctx);
}

export function chooseMany<T>(ctx: Context, message: string, choices: Choice<T>[]): Promise<T[]> {
  const fitted = fitChoices(ctx, choices, 3);
  return ask((c) => checkbox({ message: wrapped(ctx, message, 2), choices: fitted, loop: false, pageSize: pageSizeFor(ctx, fitted), theme: answered() }, c), ctx);
}

export function typeAnswer(ctx: Context, message: string): Promise<string> {
  return ask((c) => input({ message: wrapped(ctx, message, 2), theme: answered() }, c), ctx);
}

export function confirm(ctx: Context, message: string, defaultValue: boolean): Promise<boolean> {
  return ask((c) => inquirerConfirm({ message: wrapped(ctx, message, 2), default: defaultValue, theme: answered() }, c), ctx);
}

// ---------------------------------------------------------------------------
// The menu: arrow keys and type-to-filter, Esc to leave. Built on
// @inquirer/core, as inquirer's own prompts are, so rendering, the cursor and
// Ctrl-C behave exactly as in the quiz.

const LEAVE = Symbol('leave');

/** Whether every typed word starts a word of the item, or appears in it. */
export function menuMatches(typed: string, haystack: string): boolean {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  const text = haystack.toLowerCase();
  const items = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // A word of four letters or more forgives one typo ("typs" finds "types"), against the start of a word.
  const near = (w: string): boolean => w.length >= 4 && items.some((item) => editDistance(w, item.slice(0, w.length + 1), 1) <= 1 || editDistance(w, item.slice(0, w.length), 1) <= 1);
  return words.every((w) => text.includes(w) || near(w));
}

interface MenuConfig {
  options: PickOptions<unknown>;
  width: number;
}

const menuPrompt = createPrompt<unknown, MenuConfig>(({ options, width }, done) => {
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState<number | undefined>(undefined);
  const [finished, setFinished] = useState(false);
  const items = useMemo(() => {
    if (typeof options.items === 'function') return options.items(typed);
    return typed.trim() === '' ? options.items : options.items.filter((i) => menuMatches(typed, `${stripAnsi(i.name)} ${i.keywords ?? ''}`));
  }, [typed]);
  const fallback = Math.max(0, typed === '' && options.default !== undefined ? items.findIndex((i) => i.value === options.default) : 0);
  const current = Math.min(active ?? fallback, Math.max(0, items.length - 1));

  useKeypress((key: KeypressEvent & { sequence?: string; meta?: boolean }, rl) => {
    if (finished) return;
    if (isEnterKey(key)) {
      const item = items[current];
      if (item) {
        setFinished(true);
        done(item.value);
      } else rl.write(typed); // Enter cleared readline's line: put back what was typed.
      return;
    }
    if (key.name === 'escape') {
      if (typed !== '') {
        rl.clearLine(0);
        setTyped('');
        setActive(undefined);
      } else {
        setFinished(true);
        done(LEAVE);
      }
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      if (items.length > 0) setActive(Math.max(0, Math.min(items.length - 1, current + (isUpKey(key) ? -1 : 1))));
      return;
    }
    if (key.name === 'pageup' || key.name === 'pagedown') {
      const step = (options.pageSize ?? 10) * (key.name === 'pageup' ? -1 : 1);
      if (items.length > 0) setActive(Math.max(0, Math.min(items.length - 1, current + step)));
      return;
    }
    if (key.name === 'tab') {
      const clean = rl.line.replace(/\t/g, '');
      rl.clearLine(0);
      rl.write(clean);
      return;
    }
    if (options.quitKey && typed === '' && rl.line === 'q') {
      rl.clearLine(0);
      setFinished(true);
      done(LEAVE);
      return;
    }
    if (rl.line !== typed) {
      setTyped(rl.line);
      setActive(undefined);
    }
  });

  const pageSize = Math.max(3, options.pageSize ?? 10);
  const page = usePagination({
    items,
    active: current,
    pageSize,
    loop: false,
    renderItem: ({ item, isActive }) => {
      const pointer = isActive ? theme.accent('❯') : ' ';
      const hint = item.hint ? `  ${theme.dim(item.hint)}` : '';
      const room = Math.max(10, width - 3 - displayWidth(hint));
      const name = truncate(item.name, room);
      const gap = ' '.repeat(Math.max(0, width - 3 - displayWidth(name) - displayWidth(hint)));
      return `${pointer} ${isActive ? theme.accent(stripAnsi(name)) : name}${item.hint ? `${gap}${hint}` : ''}`.trimEnd();
    },
  });
  const header = `${theme.accent('?')} ${theme.strong(options.message)} ${typed}`;
  if (finished) return header.trimEnd();
  const keysLine = [
    '↑↓ move',
    '⏎ choose',
    options.typeHint ?? 'type to filter',
    options.quitKey && options.escHint === 'quit' ? 'esc or q quit' : `esc ${options.escHint ?? 'back'}${options.quitKey ? ' · q quit' : ''}`,
  ].join(' · ');
  const description = items[current]?.description;
  const body = [
    items.length > 0 ? page : typed === '' ? theme.dim(`(${options.typeHint ?? 'type to filter'})`) : theme.warn(options.empty ?? `Nothing matches "${typed}".`),
    description ? `\n${description}` : '',
    theme.dim(truncate(keysLine, width - 1)),
  ].filter(Boolean);
  return [header, body.join('\n')];
});

/** A line that waits for any one key. */
const keyPrompt = createPrompt<string, { message: string }>(({ message }, done) => {
  const [finished, setFinished] = useState(false);
  useKeypress((key) => {
    if (finished) return;
    setFinished(true);
    done(key.name || 'other');
  });
  return theme.dim(message);
});

/**
 * A menu you can move through with the arrow keys and narrow by typing. Esc
 * (or `q` first, with quitKey) leaves it: that resolves to undefined. Ctrl-C
 * rejects with InterruptedError, as every prompt does.
 */
export async function pick<T>(ctx: Context, options: PickOptions<T>): Promise<T | undefined> {
  const width = Math.min(Math.max(40, ctx.stdout.columns ?? 80), 120);
  const value = await ask((c) => menuPrompt({ options: options as PickOptions<unknown>, width }, { ...c, clearPromptOnDone: true }), ctx);
  return value === LEAVE ? undefined : (value as T);
}

/** Shows a dim line and waits for one key; resolves with its name ("return", "q", "escape", ...). */
export function waitForKey(ctx: Context, message: string): Promise<string> {
  return ask((c) => keyPrompt({ message }, { ...c, clearPromptOnDone: true }), ctx);
}
