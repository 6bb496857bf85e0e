// npm run bench: what a learner waits for, timed against a bare `node -e 0`
// started the same way in the same run, and written to BENCHMARKS.md.
//
// - Each case runs in a fresh HOME (no progress, empty caches: what a learner
//   meets the first time), its output piped (so read and next print straight),
//   interleaved run by run with the baseline, so both see the same load; the
//   ratio is the median over runs of (case / the baseline run just before it).
// - The quiz is timed in a pseudo-terminal, from start to its first question
//   on screen, against `node -e` printing a line in the same pseudo-terminal.
// - Peak memory is getrusage's maxRSS of each process, read by a one-line
//   preload that every process gets, the baseline too.
// - The 5,000-page course is there for information only: no target.
// Timings are never asserted in tests; this file is the record.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'pm-guide.js');
const RUNS = Math.max(5, Number(process.env.PM_BENCH_RUNS) || 15);
const tmp = mkdtempSync(join(tmpdir(), 'pm-guide-bench-'));
const hook = join(tmp, 'rss.cjs');
writeFileSync(hook, "process.on('exit', () => require('fs').writeSync(3, String(process.resourceUsage().maxRSS)));\n");

function freshHome() {
  const home = mkdtempSync(join(tmp, 'home-'));
  return { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_DATA_HOME: join(home, 'data'), NO_COLOR: '1' };
}

function once(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', hook, ...args], { env: freshHome(), stdio: ['ignore', 'pipe', 'pipe', 'pipe'], cwd: root });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return { ms, kb: Number(r.output[3]?.toString() || 0) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(args) {
  once(args); // Warms the file system cache, as a learner's second command finds it.
  const ratios = [];
  const times = [];
  const kbs = [];
  let baseKb = 0;
  for (let i = 0; i < RUNS; i++) {
    const base = once(['-e', '0']);
    const run = once(args);
    ratios.push(run.ms / base.ms);
    times.push(run.ms);
    kbs.push(run.kb / base.kb);
    baseKb = base.kb;
  }
  return { ms: median(times), ratio: median(ratios), memory: median(kbs), baseKb };
}

/** From start to the first question on screen, in a pseudo-terminal, against node printing a line there. */
async function quizInTerminal() {
  const pty = await import('@lydell/node-pty');
  const time = (args, marker) =>
    new Promise((resolve, reject) => {
      const start = process.hrtime.bigint();
      const p = pty.spawn(process.execPath, args, { cols: 100, rows: 30, cwd: root, env: freshHome() });
      let screen = '';
      const timer = setTimeout(() => reject(new Error(`no "${marker}" on screen:\n${screen}`)), 20_000);
      p.onData((d) => {
        screen += d;
        if (screen.includes(marker)) {
          clearTimeout(timer);
          resolve(Number(process.hrtime.bigint() - start) / 1e6);
          p.kill();
        }
      });
    });
  const ratios = [];
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const base = await time(['-e', 'console.log("ready")'], 'ready');
    const run = await time([bin, 'quiz', '1.1', '--seed', '1'], 'Question 1 of');
    ratios.push(run / base);
    times.push(run);
  }
  return { ms: median(times), ratio: median(ratios) };
}

function bigCourse(pages) {
  const dir = join(tmp, 'big');
  for (let m = 0; m < pages / 50; m++) {
    const folder = join(dir, `m${m}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.md'), `---\ntitle: Module ${m}\nnav_order: ${m}\nhas_children: true\n---\n# Module ${m}\n`);
    for (let l = 1; l < 50; l++) {
      const items = Array.from({ length: 4 }, (_, i) => `### Step ${m}-${l}-${i}\n\nA paragraph that says what step ${i} is about.\n\n- **Example**: A case of it.\n`).join('\n');
      writeFileSync(join(folder, `l${l}.md`), `---\ntitle: Lesson ${m}.${l}\nparent: Module ${m}\nnav_order: ${l}\n---\n# Lesson ${m}.${l}\n\n## Steps\n\n${items}`);
    }
  }
  return dir;
}

const cases = [
  ['next, showing an unread lesson', [bin, 'next'], 2],
  ['read a lesson not read before', [bin, 'read', '2.1'], 2],
  ['list', [bin, 'list'], 1.5],
  ['--help', [bin, '--help'], 1.5],
];
const rows = [];
for (const [name, args, target] of cases) {
  const r = measure(args);
  rows.push({ name, ms: r.ms, ratio: r.ratio, target, memory: r.memory });
  console.log(`${name}: ${r.ms.toFixed(0)} ms, ${r.ratio.toFixed(2)}x node -e 0 (target ${target}x), memory ${r.memory.toFixed(2)}x`);
}
const quiz = await quizInTerminal();
rows.push({ name: 'quiz: first question on screen (pseudo-terminal)', ms: quiz.ms, ratio: quiz.ratio, target: 2 });
console.log(`quiz: ${quiz.ms.toFixed(0)} ms, ${quiz.ratio.toFixed(2)}x (target 2x)`);
const big = bigCourse(5000);
const info = [];
for (const [name, args] of [['list, 5,000 pages', [bin, '--lessons', big, 'list']], ['next, 5,000 pages', [bin, '--lessons', big, 'next']]]) {
  const r = measure(args);
  info.push({ name, ms: r.ms, ratio: r.ratio });
  console.log(`${name}: ${r.ms.toFixed(0)} ms, ${r.ratio.toFixed(2)}x (information only)`);
}
const base = measure(['-e', '0']);
const peak = Math.max(...rows.filter((r) => r.memory).map((r) => r.memory));

const table = [
  '| what a learner does | median | × `node -e 0` | target | met |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.ms.toFixed(0)} ms | ${r.ratio.toFixed(2)} | ${r.target} | ${r.ratio <= r.target ? 'yes' : 'no'} |`),
  `| peak memory, the highest of the cases above | ${((peak * base.baseKb) / 1024).toFixed(0)} MB | ${peak.toFixed(2)} | 1.5 | ${peak <= 1.5 ? 'yes' : 'no'} |`,
  ...info.map((r) => `| ${r.name} (information) | ${r.ms.toFixed(0)} ms | ${r.ratio.toFixed(2)} | none | |`),
];
const header = `Run of ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${RUNS} runs per case, \`node -e 0\` took ${base.ms.toFixed(0)} ms.`;
console.log(`\n${header}\n\n${table.join('\n')}`);
if (process.env.PM_BENCH_OUT !== '-') writeFileSync(join(tmp, 'table.md'), `${header}\n\n${table.join('\n')}\n`);
console.log(`\n(table also in ${join(tmp, 'table.md')}: copy it into BENCHMARKS.md)`);
if (!process.env.PM_BENCH_KEEP) rmSync(join(tmp, 'big'), { recursive: true, force: true });
