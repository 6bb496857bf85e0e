// Answers a real quiz in a pseudo-terminal with the keyboard, right or wrong
// as a test asks, by matching the question on screen against the lesson's
// --preview --json (which holds every question with its answer).
import { keys, type PtySession } from './pty.js';
import { run } from './run.js';

export interface PreviewQuestion {
  id: string;
  kind: string;
  topic: string;
  prompt: string;
  choices: string[];
  answer: string | string[];
}

export function previewQuestions(course: string, lesson: string, extra: string[] = []): PreviewQuestion[] {
  const r = run(['--lessons', course, 'quiz', lesson, '--preview', '--json', ...extra]);
  if (r.code !== 0) throw new Error(`preview failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as PreviewQuestion[];
}

/** The choices in the order the screen shows them (the quiz shuffles them on every attempt). */
function onScreenOrder(q: PreviewQuestion, shown: string): string[] {
  const flat = (t: string) => t.replace(/\s+/g, '');
  const body = flat(shown.slice(shown.indexOf('?')));
  const at = (c: string) => body.indexOf(flat(c), body.indexOf(flat(q.prompt).slice(-20)) + 1);
  return [...q.choices].sort((a, b) => at(a) - at(b));
}

/** The keys that give a right (or a wrong) answer to a question, for choices in the order shown. */
export function answerKeys(q: PreviewQuestion, right: boolean, shown?: string): string {
  if (shown !== undefined && q.kind !== 'text') q = { ...q, choices: onScreenOrder(q, shown) };
  if (q.kind === 'text') return `${right ? (q.answer as string) : 'nothing like it'}${keys.enter}`;
  if (q.kind === 'multiple') {
    const answers = q.answer as string[];
    const wrongPick = q.choices.findIndex((x) => !answers.includes(x));
    let seq = '';
    q.choices.forEach((c, i) => {
      if (i > 0) seq += keys.down;
      if (right ? answers.includes(c) : i === wrongPick) seq += keys.space;
    });
    return seq + keys.enter;
  }
  const target = right ? (q.answer as string) : q.choices.find((c) => c !== q.answer)!;
  return keys.down.repeat(q.choices.indexOf(target)) + keys.enter;
}

/** The step after a first answer that asks how sure the learner is (it may wrap on a narrow terminal). */
export const HOW_SURE = /How\s+sure\?/;

/**
 * After a first answer the quiz asks how sure the learner is: waits for that
 * step to show after `from` (a length of the screen taken before answering)
 * and presses `key`: Enter, "think so", as a learner who skips it, unless a
 * test means s (sure) or g (guess). Practice questions asked once more at the
 * end of a quiz have no such step.
 */
export async function sayHowSure(session: PtySession, from: number, key: string = keys.enter): Promise<void> {
  await session.waitFor((screen) => HOW_SURE.test(screen.slice(from)));
  session.write(key);
}

/**
 * Waits for question `n` of `total`, finds it in the pool, answers it, says
 * how sure (`sure`, Enter by default; null where nothing asks, as in the
 * placement test), and waits for the verdict. Returns the question answered.
 */
export async function answerQuestion(session: PtySession, pool: PreviewQuestion[], n: number, total: number, right: boolean, sure: string | null = keys.enter): Promise<PreviewQuestion> {
  const marker = `Question ${n} of ${total}`;
  // The prompt may be wrapped to the terminal's width, even mid-word: compare without any spacing.
  const flat = (s: string) => s.replace(/\s+/g, '');
  const after = (screen: string) => screen.slice(screen.lastIndexOf(marker));
  // Drawn whole: one of the pool's prompts, and every one of its choices (a screen read mid-draw holds half a line).
  const drawn = (screen: string) => screen.includes(marker) && pool.some((p) => flat(after(screen)).includes(flat(p.prompt)) && p.choices.every((c) => flat(after(screen)).includes(flat(c))));
  await session.waitFor(drawn);
  const shown = after(session.screen());
  const q = pool.find((p) => flat(shown).includes(flat(p.prompt)));
  if (!q) throw new Error(`no question in the preview matches the screen:\n${shown}`);
  const before = session.screen().length;
  session.write(answerKeys(q, right, shown));
  if (sure !== null) await sayHowSure(session, before, sure);
  const verdict = right ? /✓ Right\./ : /✗ Not quite\./;
  const start = Date.now();
  while (!verdict.test(session.screen().slice(before))) {
    if (Date.now() - start > 10_000) throw new Error(`no verdict after answering:\n${session.screen().slice(-1500)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return q;
}

/** Answers, rightly, the missed questions a quiz asks once more at its end, until its score shows. */
export async function finishQuiz(session: PtySession, pool: PreviewQuestion[]): Promise<void> {
  let from = session.screen().length;
  for (;;) {
    await session.waitFor((screen) => /Once more[\s\S]*\? .+|Score: /.test(screen.slice(from)));
    const shown = session.screen().slice(from);
    if (/Score: /.test(shown) && !/Once more/.test(shown.slice(0, shown.indexOf('Score: ')))) return;
    const flat = (t: string) => t.replace(/\s+/g, '');
    const q = pool.find((p) => flat(shown).includes(flat(p.prompt)));
    if (!q) throw new Error(`no question in the preview matches the screen:\n${shown}`);
    from = session.screen().length;
    session.write(answerKeys(q, true, shown));
    await session.waitFor((screen) => /✓ Right\./.test(screen.slice(from)));
    from = session.screen().length;
  }
}

/** Presses Enter on any missed question the quiz asks once more at its end, then waits for the score. */
export async function enterThroughReasks(session: PtySession): Promise<void> {
  let from = session.screen().length;
  for (;;) {
    await session.waitFor((screen) => /Score: |Once more[\s\S]*\? /.test(screen.slice(from)));
    const shown = session.screen().slice(from);
    if (!/Once more/.test(shown)) return;
    from = session.screen().length;
    session.write(keys.enter);
  }
}
