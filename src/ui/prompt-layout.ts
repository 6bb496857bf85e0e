// Prompt text laid out for the terminal: inquirer prints what it is given as
// it is, breaking a long line at the last column, in the middle of a word,
// and counts its page in lines. These fit questions, choices and answers to
// the terminal's width and height first.
import type { Choice, Context } from '../context.js';
import { displayWidth, wrapLines } from './ansi.js';


const columns = (ctx: Context): number => (ctx.stdout as { columns?: number }).columns ?? 80;

/**
 * Text laid out for a prompt that puts `lead` columns before it ("? ", "❯ "):
 * wrapped at spaces to the terminal's width, continuing under itself. Inquirer
 * would break a long line at the last column, in the middle of a word.
 */
export function wrapped(ctx: Context, text: string, lead: number): string {
  const width = columns(ctx);
  const pad = ' '.repeat(lead);
  return wrapLines(text.split('\n').map((line) => `${pad}${line}`).join('\n'), width - 1).slice(lead);
}

export const fitChoices = <T>(ctx: Context, choices: Choice<T>[], lead: number): Choice<T>[] => choices.map((c) => ({ ...c, name: wrapped(ctx, c.name, lead) }));

/**
 * Inquirer's page size counts lines, not choices: room for every (fitted)
 * choice at its wrapped height, as far as the terminal has rows, so that a
 * choice is never left below the page on a narrow terminal.
 */
export function pageSizeFor(ctx: Context, fitted: ReadonlyArray<Choice<unknown>>): number {
  const lines = fitted.reduce((n, c) => n + c.name.split('\n').length, 0);
  const rows = (ctx.stdout as { rows?: number }).rows ?? 24;
  return Math.min(lines, Math.max(5, rows - 6));
}

/**
 * The chosen answer as the answered question shows it: after the question when
 * it fits on that line, else on lines of its own under it, wrapped like the
 * choices (inquirer puts it after the question's last line as it is).
 */
export function answerAfter(ctx: Context, question: string, answer: string): string {
  const width = columns(ctx);
  const last = question.slice(question.lastIndexOf('\n') + 1);
  return 2 + displayWidth(last) + 1 + displayWidth(answer) <= width - 1 ? answer : `\n  ${wrapped(ctx, answer, 2)}`;
}
