// A quiz question on the terminal: the choices (or a line to type in), with a
// hint and "I don't know" offered on screen. An empty answer is asked again,
// never marked. Esc leaves the quiz, and so does q in a list whose choices
// do not start with q; Ctrl-C quits pm-guide, as in every prompt.
import { Separator, checkbox, input, select } from '@inquirer/prompts';
import { createPrompt, isEnterKey, useKeypress, useState } from '@inquirer/core';
import type { Context, QuizAsk, QuizReply } from '../context.js';
import { answerAfter, fitChoices, pageSizeFor, wrapped } from './prompt-layout.js';
import { ask } from './prompts.js';
import { theme } from './theme.js';

const HINT = '\u0000hint';
const UNKNOWN = '\u0000unknown';

const answered = () => ({ prefix: { idle: theme.accent('?'), done: theme.dim('›') } });

/** The hint and "I don't know" entries at the foot of a list. */
function extras(offerHint: boolean) {
  return [
    new Separator(theme.dim('──────')),
    ...(offerHint ? [{ name: theme.dim('Show a hint (where the answer is)'), value: HINT, short: 'hint' }] : []),
    { name: theme.dim("I don't know: show me the answer"), value: UNKNOWN, short: "I don't know" },
  ];
}

/**
 * Runs a prompt that Esc (and q, when `q` is true) can leave: a key listener
 * on the input aborts it, and the quiz is told the learner left.
 */
async function leavable(ctx: Context, q: boolean, run: (signal: AbortSignal) => Promise<string | string[]>): Promise<QuizReply> {
  const leave = new AbortController();
  const onKey = (_text: string, key: { name?: string; ctrl?: boolean } | undefined): void => {
    if (key?.name === 'escape' || (q && key?.name === 'q' && !key.ctrl)) leave.abort();
  };
  ctx.stdin.on('keypress', onKey);
  try {
    const value = await ask((c) => run(AbortSignal.any([c.signal, leave.signal])), ctx);
    if (value === HINT) return { kind: 'hint' };
    if (value === UNKNOWN || (Array.isArray(value) && value.includes(UNKNOWN))) return { kind: 'unknown' };
    if (Array.isArray(value) && value.includes(HINT)) return { kind: 'hint' };
    return { kind: 'answer', value };
  } catch (error) {
    if (leave.signal.aborted) return { kind: 'leave' };
    throw error;
  } finally {
    ctx.stdin.removeListener('keypress', onKey);
  }
}

export function quizQuestion(ctx: Context, question: QuizAsk): Promise<QuizReply> {
  const message = wrapped(ctx, question.message, 2);
  const io = { input: ctx.stdin, output: ctx.stdout };
  if (question.kind === 'text') {
    const help = theme.dim(question.offerHint ? '(? for a hint, ! if you do not know)' : '(! if you do not know)');
    return leavable(ctx, false, (signal) =>
      input({ message: `${message}\n${help}`, required: true, theme: answered() }, { ...io, signal }).then((typed) => {
        const t = typed.trim();
        return t === '?' && question.offerHint ? HINT : t === '!' ? UNKNOWN : typed;
      }),
    );
  }
  const choices = question.choices.map((c) => ({ name: c, value: c }));
  const q = !question.choices.some((c) => /^q/i.test(c));
  if (question.kind === 'multiple') {
    const fitted = fitChoices(ctx, choices, 3);
    return leavable(ctx, q, (signal) =>
      checkbox({ message, choices: [...fitted, ...extras(question.offerHint)], required: true, loop: false, pageSize: pageSizeFor(ctx, fitted) + 3, theme: answered() }, { ...io, signal }),
    );
  }
  const fitted = fitChoices(ctx, choices, 2).map((c, i) => ({ ...c, short: answerAfter(ctx, message, choices[i]!.name) }));
  return leavable(ctx, q, (signal) =>
    select({ message, choices: [...fitted, ...extras(question.offerHint)], loop: false, pageSize: pageSizeFor(ctx, fitted) + 3, theme: answered() }, { ...io, signal }),
  );
}

type Sure = 'sure' | 'think' | 'guess' | 'leave';
const SURE_KEYS: Record<string, Sure> = { s: 'sure', t: 'think', g: 'guess', escape: 'leave' };
const SURE_LABEL = { sure: 'sure', think: 'think so', guess: 'guess' } as const;

/** One key after an answer: s sure, t (or Enter) think so, g guess; Esc leaves. The choice stays on screen. */
const surePrompt = createPrompt<Sure, Record<string, never>>((_config, done) => {
  const [chosen, setChosen] = useState<Sure | undefined>(undefined);
  useKeypress((key) => {
    if (chosen) return;
    const value = isEnterKey(key) ? 'think' : SURE_KEYS[key.name ?? ''];
    if (!value) return;
    setChosen(value);
    done(value);
  });
  if (chosen && chosen !== 'leave') return `${theme.dim('›')} How sure: ${theme.strong(SURE_LABEL[chosen])}`;
  if (chosen) return '';
  return `${theme.accent('?')} How sure? ${theme.dim('s sure · t think so (⏎) · g guess')}`;
});

export function howSure(ctx: Context): Promise<Sure> {
  return ask((c) => surePrompt({}, c), ctx);
}
