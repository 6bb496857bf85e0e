// Runs a pm-guide command line in this process, as the binary would (the same
// program, error handling and exit codes), with its own streams, clock and a
// scripted prompter. For everything a terminal does not add; the pseudo-
// terminal tests (pty.ts) cover what only a terminal shows.
import { PassThrough, Writable } from 'node:stream';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.js';
import type { GlobalOptions } from '../../src/cli/program.js';
import type { Choice, Context, PickOptions, Prompter } from '../../src/context.js';
import { InterruptedError } from '../../src/core/errors.js';
import type { Question } from '../../src/core/quiz/types.js';
import { resolvePaths } from '../../src/io/paths.js';
import { applyColorLevel, colorLevel } from '../../src/ui/theme.js';
import { repoRoot, tempDir } from './run.js';

/**
 * One scripted answer: a choice's name (or several, for a multi-select), typed
 * text, true/false for a confirmation, a key name for "press any key",
 * undefined to press Esc in a menu, or a function of the question asked.
 */
export type Answer = string | string[] | boolean | undefined | symbol | ((asked: Asked) => string | string[] | boolean | undefined | symbol);
export const CTRL_C = Symbol('ctrl-c');
/** In a quiz: ask for a hint, say "I don't know", press Esc. */
export const HINT = Symbol('hint');
export const DONT_KNOW = Symbol('dont-know');
export const ESC = Symbol('esc');
/** After a quiz answer: how sure. Without one, the answer is "think so" (Enter), as a learner who skips it. */
export const SURE = Symbol('sure');
export const THINK = Symbol('think');
export const GUESS = Symbol('guess');
const CONFIDENCE = new Map<symbol, 'sure' | 'think' | 'guess'>([
  [SURE, 'sure'],
  [THINK, 'think'],
  [GUESS, 'guess'],
]);

export interface Asked {
  kind: 'quiz' | 'confidence' | 'chooseOne' | 'chooseMany' | 'typeAnswer' | 'confirm' | 'pick' | 'waitForKey';
  message: string;
  choices: string[];
}

export interface InProcessOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Answers for the prompts, in order: a prompt beyond them fails the run. */
  answers?: Answer[];
  /** Whether stdin and stdout are a terminal (a quiz or the home screen needs one). */
  tty?: boolean;
  columns?: number;
  rows?: number;
  now?: () => Date;
  /** What standard input holds. */
  input?: string;
}

export interface InProcessResult {
  code: number;
  /** Always null: kept so that checks written for the binary's results read the same. */
  signal: null;
  stdout: string;
  stderr: string;
  /** Every prompt shown, in order. */
  asked: Asked[];
}

class Collect extends Writable {
  text = '';
  isTTY: boolean;
  columns: number | undefined;
  rows: number | undefined;
  constructor(tty: boolean, columns?: number, rows?: number) {
    super();
    this.isTTY = tty;
    this.columns = columns;
    this.rows = rows;
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

function scriptedPrompter(answers: Answer[], asked: Asked[]): Prompter {
  const next = (question: Asked): string | string[] | boolean | undefined | symbol => {
    asked.push(question);
    if (answers.length === 0) throw new Error(`an unexpected prompt (${question.kind}): ${question.message}`);
    const given = answers.shift();
    const answer = typeof given === 'function' ? given(question) : given;
    if (answer === CTRL_C) throw new InterruptedError();
    return answer;
  };
  const plain = (answer: ReturnType<typeof next>, message: string): string | string[] | boolean | undefined => {
    if (typeof answer === 'symbol') throw new Error(`a quiz key outside a quiz question: ${message}`);
    return answer;
  };
  const valueOf = <T>(choices: Choice<T>[], name: unknown, message: string): T => {
    const found = choices.find((c) => c.name === name || c.name.replace(/\s+/g, ' ').trim() === name);
    if (!found) throw new Error(`"${String(name)}" is not a choice of: ${message}\n${choices.map((c) => c.name).join('\n')}`);
    return found.value;
  };
  return {
    quizQuestion: async (ask) => {
      const answer = next({ kind: 'quiz', message: ask.message, choices: ask.choices });
      if (answer === HINT) return { kind: 'hint' };
      if (answer === DONT_KNOW) return { kind: 'unknown' };
      if (answer === ESC) return { kind: 'leave' };
      if (typeof answer === 'symbol' || typeof answer === 'boolean' || answer === undefined) throw new Error(`not an answer to: ${ask.message}`);
      if (ask.kind !== 'text') for (const a of Array.isArray(answer) ? answer : [answer]) if (!ask.choices.includes(a)) throw new Error(`"${a}" is not a choice of: ${ask.message}`);
      return { kind: 'answer', value: answer };
    },
    howSure: async () => {
      // Only a confidence key given next is taken; otherwise Enter ("think so"), so scripts without one read as before.
      const given = answers[0];
      // Ctrl-C or Esc at the "How sure?" step.
      if (given === CTRL_C || given === ESC) {
        answers.shift();
        asked.push({ kind: 'confidence', message: 'How sure?', choices: [] });
        if (given === CTRL_C) throw new InterruptedError();
        return 'leave';
      }
      if (typeof given === 'symbol' && CONFIDENCE.has(given)) {
        answers.shift();
        asked.push({ kind: 'confidence', message: 'How sure?', choices: [] });
        return CONFIDENCE.get(given)!;
      }
      return 'think';
    },
    chooseOne: async (message, choices) => valueOf(choices, plain(next({ kind: 'chooseOne', message, choices: choices.map((c) => c.name) }), message), message),
    chooseMany: async (message, choices) => {
      const names = plain(next({ kind: 'chooseMany', message, choices: choices.map((c) => c.name) }), message);
      return (Array.isArray(names) ? names : []).map((n) => valueOf(choices, n, message));
    },
    typeAnswer: async (message) => String(plain(next({ kind: 'typeAnswer', message, choices: [] }), message) ?? ''),
    confirm: async (message) => Boolean(plain(next({ kind: 'confirm', message, choices: [] }), message)),
    pick: async <T>(options: PickOptions<T>) => {
      const items = typeof options.items === 'function' ? [] : options.items;
      const name = plain(next({ kind: 'pick', message: options.message, choices: items.map((i) => i.name) }), options.message);
      if (name === undefined) return undefined;
      const found = items.find((i) => i.name.trim() === name || String(i.value) === name || i.name.includes(String(name)));
      if (!found) throw new Error(`"${String(name)}" is not in the menu: ${options.message}`);
      return found.value;
    },
    waitForKey: async (message) => String(plain(next({ kind: 'waitForKey', message, choices: [] }), message) ?? 'return'),
    abort: () => {},
  };
}

/** Runs `pm-guide ...args` in process. HOME is a fresh temp folder unless env gives one. */
export async function runIn(args: string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  const home = options.env?.HOME ?? tempDir();
  const env: NodeJS.ProcessEnv = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), TERM: 'xterm-256color', ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const tty = options.tty ?? false;
  // A terminal in a test is plain unless the test asks for colour.
  if (tty && env.FORCE_COLOR === undefined && env.NO_COLOR === undefined) env.NO_COLOR = '1';
  const stdout = new Collect(tty, options.columns ?? (tty ? 80 : undefined), options.rows ?? (tty ? 24 : undefined));
  const stderr = new Collect(false);
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  stdin.end(options.input ?? '');
  const asked: Asked[] = [];
  const prompter = scriptedPrompter([...(options.answers ?? [])], asked);
  const cwd = options.cwd ?? repoRoot;
  const makeContext = (globals: GlobalOptions): Context => {
    const level = colorLevel({ flag: globals.color, isTTY: tty, env });
    applyColorLevel(level);
    return {
      paths: resolvePaths({ lessons: globals.lessons, progress: globals.progress }, env, cwd),
      cwd,
      stdout,
      stderr,
      stdin,
      env,
      color: level > 0,
      now: options.now ?? (() => new Date()),
      prompter,
    };
  };
  const code = await runCli(args, makeContext, { stdout, stderr, env });
  return { code, signal: null, stdout: stdout.text, stderr: stderr.text, asked };
}

/**
 * Answers for a quiz on a course, right or wrong as `plan` says, question by
 * question (found by their prompt among the course's questions); a missed
 * question asked again at the end is answered right. Records what was asked.
 */
export async function quizAnswers(courseDir: string, plan: boolean[]): Promise<{ answers: Answer[]; asked: Question[] }> {
  const { loadCourse } = await import('../../src/io/load-course.js');
  const { quizBank } = await import('../../src/core/quiz/bank.js');
  const all = quizBank(loadCourse(courseDir).course).all();
  const asked: Question[] = [];
  const answer = (q: Asked): string | string[] => {
    const question = all.find((c) => c.prompt === q.message);
    if (!question) throw new Error(`not a question of the course: ${q.message}`);
    const again = asked.includes(question);
    const right = again || (plan[asked.length] ?? true);
    if (!again) asked.push(question);
    if (right) return question.answer;
    if (question.kind === 'text') return 'nothing like it';
    if (question.kind === 'multiple') return q.choices.filter((c) => !(question.answer as string[]).includes(c)).slice(0, 1);
    return q.choices.find((c) => c !== question.answer)!;
  };
  return { answers: Array.from({ length: plan.length * 2 + 2 }, () => answer), asked };
}
