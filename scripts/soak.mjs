// The soak (npm run soak; not part of npm test): 8 pm-guide quizzes at once,
// each in its own pseudo-terminal, answering through three paths to one
// progress file (the file, a symlink to it, a symlink to the symlink), 1,000
// answers in all, with Ctrl-C sent at random moments (mid-question, and 0-25 ms
// after Enter, while the answer is being saved, and at "How sure?"); a missed
// question asked once more at the end is answered too. Every answer shown on screen
// must be in the file. Prints the result; exits 1 if an answer shown was
// lost, a run crashed, a link was replaced or a stray file was left.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pty from '@lydell/node-pty';

const WORKERS = 8;
const TARGET_ANSWERS = 1000;
const CTRL_C_AFTER_ENTER = 0.08; // Of answers: Ctrl-C 0-25 ms after Enter.
const CTRL_C_AT_PROMPT = 0.03; // Of prompts: Ctrl-C instead of an answer.
const CTRL_C_AT_SURE = 0.03; // Of answers: Ctrl-C at "How sure?" (the answer is already saved).
const QUESTIONS = 12;

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'pm-guide.js');
if (!existsSync(join(root, 'dist'))) {
  console.error('soak: build first (npm run build)');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'pm-guide-soak-'));
const course = join(dir, 'course');
mkdirSync(course);
const questions = Array.from(
  { length: QUESTIONS },
  (_, i) => `- question: Q${i} which tool is number ${i}?\n  choices: [Tool ${i}, Other ${i}, Third ${i}]\n  answer: Tool ${i}`,
).join('\n');
writeFileSync(join(course, 'soak.md'), `---\ntitle: Soak\nid: soak\n---\n# Soak\n\nA page.\n\n\`\`\`quiz\n${questions}\n\`\`\`\n`);
for (const sub of ['data', 'a', 'b']) mkdirSync(join(dir, sub));
const real = join(dir, 'data', 'progress.json');
const link = join(dir, 'a', 'progress.json');
const linkToLink = join(dir, 'b', 'progress.json');
symlinkSync(real, link); // Dangling until the first save: its target is created.
symlinkSync('../a/progress.json', linkToLink);
const paths = [real, link, linkToLink];

const strip = (text) =>
  text
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g, '')
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b[()][0-9A-Za-z]/g, '')
    .replace(/\u001b[=>78]/g, '')
    .replace(/\r/g, '');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const random = (n) => Math.floor(Math.random() * n);

let shownTotal = 0;
let sentTotal = 0;
const stats = { runs: 0, ctrlCAfterEnter: 0, ctrlCAtPrompt: 0, ctrlCAtSure: 0, exits: {}, hangs: 0, hung: [], crashes: [] };

/** One quiz run through one path: answers until the quiz ends, Ctrl-C stops it, or the target is met. Resolves with answers shown. */
async function quizOnce(path) {
  const term = pty.spawn(process.execPath, [bin, '--lessons', course, '--progress', path, 'quiz', 'soak', '--count', String(QUESTIONS), '--seed', String(random(1e9))], {
    cols: 100,
    rows: 30,
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: dir, TERM: 'xterm-256color' },
  });
  let out = '';
  let exit;
  term.onData((d) => (out += d));
  const ended = new Promise((resolve) => term.onExit((e) => resolve((exit = e))));
  // The screen in pieces, one a question: "Question N of M" (answers saved) or "Once more" (practice).
  const pieces = () => strip(out).split(/(?=Question \d+ of \d+|Once more, to fix it)/).slice(1);
  const shown = () => pieces().filter((p) => p.startsWith('Question') && /› Q\d+ which tool/.test(p)).length;
  const sures = () => (strip(out).match(/How\s+sure\?/g) ?? []).length;
  const over = () => /Score:|Stopped\.|Left the quiz/.test(strip(out));
  let prompts = 0;
  let suresSeen = 0;
  let last = 'start';
  /** Sends Ctrl-C, counting it under `counter` (when given) and remembering why. */
  const ctrlC = (why, counter) => {
    if (counter) stats[counter]++;
    last = why;
    term.write('\u0003');
  };
  const deadline = Date.now() + 60_000;
  try {
    while (!exit && !over()) {
      // Wait for what comes next: a "How sure?" after an answer, or the next question drawn with its pointer.
      while (!exit && !over() && sures() <= suresSeen && !(pieces().length > prompts && pieces().at(-1).includes('❯'))) {
        if (Date.now() > deadline) throw new Error('hang');
        await sleep(2);
      }
      if (exit || over()) break;
      await sleep(random(6));
      if (sures() > suresSeen) {
        suresSeen++;
        if (Math.random() < CTRL_C_AT_SURE) {
          ctrlC('Ctrl-C at How sure', 'ctrlCAtSure');
          break;
        }
        last = 'Enter at How sure';
        term.write('\r');
        continue;
      }
      const firstTime = pieces().at(-1).startsWith('Question');
      if (firstTime && sentTotal >= TARGET_ANSWERS) {
        ctrlC('Ctrl-C at a prompt (target met)');
        break;
      }
      if (Math.random() < CTRL_C_AT_PROMPT) {
        ctrlC('Ctrl-C at a prompt', 'ctrlCAtPrompt');
        break;
      }
      last = 'Enter';
      term.write('\r');
      prompts++;
      if (firstTime) sentTotal++;
      if (firstTime && Math.random() < CTRL_C_AFTER_ENTER) {
        // The answer is saved as it is given: Ctrl-C now must not lose it.
        await sleep(random(26));
        ctrlC('Ctrl-C after Enter', 'ctrlCAfterEnter');
        break;
      }
    }
    const timer = setTimeout(() => {
      stats.hangs++;
      stats.hung.push(`(last sent: ${last})\n${strip(out).slice(-300)}`);
      term.kill('SIGKILL');
    }, 20_000);
    await ended;
    clearTimeout(timer);
  } catch {
    stats.hangs++;
    stats.hung.push(`(last sent: ${last})\n${strip(out).slice(-300)}`);
    term.kill('SIGKILL');
    await ended;
  }
  const screen = strip(out);
  const code = exit.signal ? `signal ${exit.signal}` : String(exit.exitCode);
  stats.exits[code] = (stats.exits[code] ?? 0) + 1;
  if (/internal error|Error: |\n\s+at /.test(screen) || (exit.exitCode !== 0 && exit.exitCode !== 130)) stats.crashes.push(screen.slice(-600));
  stats.runs++;
  return shown();
}

async function worker(index) {
  let runs = 0;
  while (sentTotal < TARGET_ANSWERS) {
    const shown = await quizOnce(paths[(index + runs) % paths.length]);
    shownTotal += shown; // Not `shownTotal += await ...`: that reads the total before the wait, and workers overwrite each other.
    runs++;
  }
}

const start = Date.now();
await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));
const seconds = ((Date.now() - start) / 1000).toFixed(1);

const progress = JSON.parse(readFileSync(real, 'utf8'));
const saved = Object.values(progress.items).reduce((n, item) => n + item.seen, 0);
const linksKept = lstatSync(link).isSymbolicLink() && lstatSync(linkToLink).isSymbolicLink();
const leftovers = [...readdirSync(join(dir, 'data')), ...readdirSync(join(dir, 'a')), ...readdirSync(join(dir, 'b'))].filter((n) => n !== 'progress.json');
// The promise: every answer shown is in the file. An answer saved but not on screen can happen
// when the terminal drops output as it delivers Ctrl-C (the tty flushes its queue on SIGINT):
// the learner pressed Enter for it, so it is kept, and reported. A quiz still waiting after
// Ctrl-C (the key not acted on) is reported too; it was ended with SIGKILL after 20 s.
const ok = saved >= shownTotal && linksKept && leftovers.length === 0 && stats.crashes.length === 0;

console.log(`pm-guide soak: ${WORKERS} processes through 3 paths to one file (the file, a symlink, a symlink to the symlink)`);
console.log(`  quiz runs:            ${stats.runs} (exits: ${Object.entries(stats.exits).map(([k, v]) => `${k} ×${v}`).join(', ')})`);
console.log(`  Enter pressed:        ${sentTotal}`);
console.log(`  Ctrl-C after Enter:   ${stats.ctrlCAfterEnter} (0-25 ms later);  at a prompt: ${stats.ctrlCAtPrompt};  at "How sure?": ${stats.ctrlCAtSure}`);
console.log(`  answers on screen:    ${shownTotal}`);
console.log(`  answers in the file:  ${saved}`);
console.log(`  lost: ${Math.max(0, shownTotal - saved)}; saved but not on screen: ${Math.max(0, saved - shownTotal)}; crashes: ${stats.crashes.length}`);
console.log(`  runs still waiting 20 s after the last key (ended with SIGKILL): ${stats.hangs}`);
console.log(`  links still links: ${linksKept ? 'yes' : 'NO'}; files left beside the progress file: ${leftovers.length ? leftovers.join(', ') : 'none'}`);
console.log(`  ${seconds} s. ${ok ? 'PASS: every answer shown on screen is in the file.' : 'FAIL'}`);
for (const crash of stats.crashes.slice(0, 3)) console.log(`--- a run that crashed:\n${crash}`);
for (const screen of stats.hung.slice(0, 3)) console.log(`--- a run that hung:\n${screen}`);
if (ok) rmSync(dir, { recursive: true, force: true });
else console.log(`  (kept for a look: ${dir})`);
process.exit(ok ? 0 : 1);
