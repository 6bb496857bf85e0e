// The one module that talks to @inquirer/prompts. Commands ask through these
// functions, so tests can drive them and Ctrl-C always means the same thing.
import { checkbox, confirm as inquirerConfirm, input, select } from '@inquirer/prompts';
import { InterruptedError } from '../core/errors.js';
import type { Context } from '../commands/context.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

let abort: AbortController | undefined;

/** Ends the prompt on screen now (SIGTERM, SIGHUP): it rejects with InterruptedError. */
export function abortPrompts(): void {
  abort?.abort();
}

async function ask<T>(run: (context: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal }) => Promise<T>, ctx: Context): Promise<T> {
  abort = new AbortController();
  try {
    return await run({ input: ctx.stdin, output: ctx.stdout, signal: abort.signal });
  } catch (error) {
    const name = (error as Error | undefined)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') throw new InterruptedError();
    throw error;
  } finally {
    abort = undefined;
  }
}

export function chooseOne<T>(ctx: Context, message: string, choices: Choice<T>[]): Promise<T> {
  return ask((c) => select({ message, choices, loop: false, pageSize: Math.min(12, choices.length) }, c), ctx);
}

export function chooseMany<T>(ctx: Context, message: string, choices: Choice<T>[]): Promise<T[]> {
  return ask(
    (c) =>
      checkbox(
        {
          message,
          choices,
          loop: false,
        },
        c,
      ),
    ctx,
  );
}

export function typeAnswer(ctx: Context, message: string): Promise<string> {
  return ask((c) => input({ message }, c), ctx);
}

export function confirm(ctx: Context, message: string, defaultValue: boolean): Promise<boolean> {
  return ask((c) => inquirerConfirm({ message, default: defaultValue }, c), ctx);
}
