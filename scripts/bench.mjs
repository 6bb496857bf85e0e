// npm run bench: times whole processes of the built pm-guide against a bare
// `node -e 0` started in the same run, and writes the table to BENCHMARKS.md.
//
// How it measures:
// - Wall time: process.hrtime around spawnSync of each process, stdout and
//   stderr piped (so `read` and `next` take their piped, un-paged path), stdin
//   /dev/null. Each case runs after warm-up runs, interleaved run by run with
//   the `node -e 0` baseline, so both see the same machine load; the ratio is
//   the median over runs of (case run / the baseline run just before it).
// - Peak memory: every process, the baseline included, is started with
//   `node -r <hook>`, a three-line CommonJS preload that on 'exit' writes
//   process.resourceUsage().maxRSS (getrusage's ru_maxrss: the high-water mark
//   of the resident set, in KiB) to file descriptor 3, a pipe the benchmark
//   reads. The hook costs the same in every process, so ratios stay fair.
// - Recording one more answer is timed in-process (scripts/bench-helper.ts,
//   bundled here with esbuild): a whole process could never show 10 ms.
// - Timings are never asserted in tests; this file is the record.
//
// Options (environment): PM_BENCH_RUNS (default 15), PM_BENCH_OUT (default
// BENCHMARKS.md; "-" prints only), PM_BENCH_KEEP=1 keeps the generated data,
// PM_BENCH_ROOT=<checkout> measures another (built) pm-guide, for a before/after.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The pm-guide measured: this one, or another checkout (built) given by PM_BENCH_ROOT, to compare.
const tested = process.env.PM_BENCH_ROOT ? fileURLToPath(pathToFileURL(`${process.env.PM_BENCH_ROOT}/`)) : root;
const bin = join(tested, 'bin', 'pm-guide.js');
const shippedLessons = join(root, 'lessons');
const RUNS = Math.max(3, Number(process.env.PM_BENCH_RUNS) || 15);
const WARMUP = 2;
/** Per case, the runs stop early once this much wall time has gone (slow cases get fewer runs, never fewer than 5). */
const CASE_BUDGET_MS = 12_000;
const NOW = new Date();

const tmp = mkdtempSync(join(tmpdir(), 'pm-guide-bench-'));
if (!process.env.PM_BENCH_KEEP) process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// ---------------------------------------------------------------- measuring

const hook = join(tmp, 'rss-hook.cjs');
writeFileSync(
  hook,
  "process.on('exit', () => {\n  try { require('fs').writeSync(3, String(process.resourceUsage().maxRSS)); } catch {}\n});\n",
);

const home = join(tmp, 'home');
mkdirSync(home);
let cacheCounter = 0;

function envFor({ progress, freshCache }) {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: freshCache ? join(tmp, `cache-${++cacheCounter}`) : join(home, 'cache'),
    TERM: 'xterm-256color',
    LANG: process.env.LANG ?? 'C.UTF-8',
    COLUMNS: '80',
  };
  if (progress) env.PM_GUIDE_PROGRESS = progress;
  return env;
}

function spawnOnce(args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', hook, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stderr.toString().slice(0, 2000)}`);
  }
  const rssKb = Number(r.output[3].toString());
  if (!Number.isFinite(rssKb) || rssKb <= 0) throw new Error(`no peak memory reported by node ${args.join(' ')}`);
  return { ms, rssKb, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
};
const median = (values) => quantile(values, 0.5);

/** Runs one case: warm-up, then runs interleaved with the bare-node baseline. */
function measure(kase) {
  const prepare = () => {
    if (kase.progressTemplate) copyFileSync(kase.progressTemplate, kase.progressFile);
    return envFor({ progress: kase.progressFile, freshCache: kase.freshCache });
  };
  const args = [kase.script ?? bin, ...kase.args];
  let first;
  for (let i = 0; i < WARMUP; i++) {
    const r = spawnOnce(args, prepare());
    first ??= r;
    spawnOnce(['-e', '0'], envFor({}));
  }
  const times = [];
  const rss = [];
  const baseTimes = [];
  const baseRss = [];
  const started = Date.now();
  for (let i = 0; i < RUNS; i++) {
    if (i >= 5 && Date.now() - started > CASE_BUDGET_MS) break;
    const base = spawnOnce(['-e', '0'], envFor({}));
    baseTimes.push(base.ms);
    baseRss.push(base.rssKb);
    const r = spawnOnce(args, prepare());
    times.push(r.ms);
    rss.push(r.rssKb);
  }
  const result = {
    ...kase,
    runs: times.length,
    ms: median(times),
    p25: quantile(times, 0.25),
    p75: quantile(times, 0.75),
    rssMb: median(rss) / 1024,
    baseMs: median(baseTimes),
    baseRssMb: median(baseRss) / 1024,
    firstLine: first.stdout.split('\n').find((l) => l.trim() !== '') ?? '',
  };
  // Each run against the bare Node run just before it: on a shared machine, load comes and
  // goes, and a pair of runs seconds apart sees the same load.
  result.timeRatio = median(times.map((t, i) => t / baseTimes[i]));
  result.rssRatio = median(rss.map((r, i) => r / baseRss[i]));
  return result;
}

// ---------------------------------------------------------------- data

/** Bundles scripts/bench-helper.ts (pm-guide's own code) so the benchmark can build progress files with it. */
async function loadHelper() {
  const outfile = join(tmp, 'bench-helper.mjs');
  await build({
    entryPoints: [join(root, 'scripts', 'bench-helper.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);" },
    // Measuring another checkout: its own code records the answer.
    plugins: [
      {
        name: 'tested-src',
        setup(b) {
          if (tested === root) return;
          b.onResolve({ filter: /^\.\.\/src\// }, (args) => ({ path: join(tested, args.path.slice(3)).replace(/\.js$/, '.ts') }));
        },
      },
    ],
  });
  return import(pathToFileURL(outfile).href);
}

/** The shipped lessons' bodies, without front matter, to fill a generated course with real Markdown. */
function shippedBodies() {
  const bodies = [];
  for (const dir of readdirSync(shippedLessons).sort()) {
    const full = join(shippedLessons, dir);
    if (!statSync(full).isDirectory()) continue;
    for (const name of readdirSync(full).sort()) {
      if (name === 'index.md' || !name.endsWith('.md')) continue;
      const text = readFileSync(join(full, name), 'utf8');
      bodies.push(text.replace(/^---\n[\s\S]*?\n---\n/, ''));
    }
  }
  return bodies;
}

/**
 * A course of 5,000 pages in just-the-docs' three levels: 8 modules, each of
 * 12 sections of 51 lessons (8 + 96 + 4,896), every page with front matter
 * (title, parent, grand_parent, nav_order) and a real lesson's Markdown.
 */
function generateCourse(dir) {
  const bodies = shippedBodies();
  let n = 0;
  for (let m = 1; m <= 8; m++) {
    const moduleTitle = `Module ${m}: Product practice`;
    const mdir = join(dir, `${String(m).padStart(2, '0')}-module-${m}`);
    mkdirSync(mdir, { recursive: true });
    writeFileSync(join(mdir, 'index.md'), `---\ntitle: "${moduleTitle}"\nnav_order: ${m}\nhas_children: true\n---\n\n# ${moduleTitle}\n\nAn overview of module ${m}.\n`);
    n++;
    for (let s = 1; s <= 12; s++) {
      const sectionTitle = `Section ${m}.${s}: Working practice`;
      const sdir = join(mdir, `${String(s).padStart(2, '0')}-section-${s}`);
      mkdirSync(sdir);
      writeFileSync(
        join(sdir, 'index.md'),
        `---\ntitle: "${sectionTitle}"\nparent: "${moduleTitle}"\nnav_order: ${s}\nhas_children: true\n---\n\n# ${sectionTitle}\n\nWhat section ${m}.${s} covers.\n`,
      );
      n++;
      for (let l = 1; l <= 51; l++) {
        const body = bodies[(n + l) % bodies.length];
        const title = `Lesson ${m}.${s}.${l}`;
        writeFileSync(
          join(sdir, `${String(l).padStart(2, '0')}-lesson-${l}.md`),
          `---\ntitle: "${title}"\nparent: "${sectionTitle}"\ngrand_parent: "${moduleTitle}"\nnav_order: ${l}\n---\n\n${body}`,
        );
        n++;
      }
    }
  }
  return n;
}

// ---------------------------------------------------------------- report

const fmt = (x, digits = 1) => x.toFixed(digits);

function machine() {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} cores), ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}; load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}

function verdict(result) {
  const checks = [];
  if (result.target.time !== undefined) checks.push(result.timeRatio <= result.target.time);
  if (result.target.rss !== undefined) checks.push(result.rssRatio <= result.target.rss);
  if (result.target.sameAs !== undefined) checks.push(result.ms <= result.target.sameAs.ms * 1.1);
  if (checks.length === 0) return '(for information)';
  return checks.every(Boolean) ? 'met' : '**not met**';
}

function targetText(target) {
  const parts = [];
  if (target.time !== undefined) parts.push(`time ≤ ${target.time}x`);
  if (target.rss !== undefined) parts.push(`memory ≤ ${target.rss}x`);
  if (target.sameAs !== undefined) parts.push(`within 10% of ${target.sameAs.name}`);
  return parts.join(', ') || '—';
}

// ---------------------------------------------------------------- main

if (!existsSync(join(tested, 'dist'))) {
  console.error(`bench: ${join(tested, 'dist')} is not built (npm run bench builds it first)`);
  process.exit(1);
}

const started = Date.now();
console.log(`bench: generating data in ${tmp}`);
const helper = await loadHelper();

const smallProgress = join(tmp, 'progress-small.json');
helper.writeProgress(smallProgress, helper.readProgress(shippedLessons, 2, NOW));

// The two other states `next` can find on the shipped course: a lesson read whose quiz is
// not passed yet (the quiz is owed), and the whole course read and passed.
const owedProgress = join(tmp, 'progress-owed.json');
helper.writeProgress(owedProgress, helper.readProgress(shippedLessons, 2, NOW, 1));
const finishedProgress = join(tmp, 'progress-finished.json');
helper.writeProgress(finishedProgress, helper.readProgress(shippedLessons, Infinity, NOW));

const bigCourse = join(tmp, 'course-5000');
const pages = generateCourse(bigCourse);
const bigProgress = join(tmp, 'progress-5000.json');
helper.writeProgress(bigProgress, helper.readProgress(bigCourse, 2_448, NOW));

const sizes = {};
let answered;
for (const answers of [50_000, 100_000, 200_000]) {
  const file = join(tmp, `progress-${answers}.json`);
  const made = helper.answeredProgress(shippedLessons, answers, NOW);
  helper.writeProgress(file, made.progress);
  sizes[answers] = statSync(file).size;
  if (answers === 100_000) answered = { file, questions: made.questions };
}

const runFile = (name) => join(tmp, `run-${name}.json`);
const small = (name, args, target, extra = {}) => ({ name, args, target, progressTemplate: smallProgress, progressFile: runFile(name), ...extra });
const bigArgs = ['--lessons', bigCourse];
const cases = [
  small('read LESSON --no-pager (piped)', ['read', 'core-responsibilities', '--no-pager'], { time: 1.3, rss: 1.3 }),
  small('read, render cache cold', ['read', 'core-responsibilities', '--no-pager'], {}, { freshCache: true }),
  small('list', ['list'], { time: 1.3, rss: 1.3 }),
  small('next (piped)', ['next'], { time: 1.3, rss: 1.3 }),
  small('next (piped), a quiz owed', ['next'], { time: 1.3, rss: 1.3 }, { progressTemplate: owedProgress }),
  small('next (piped), the course finished', ['next'], { time: 1.3, rss: 1.3 }, { progressTemplate: finishedProgress }),
  small('quiz LESSON --preview', ['quiz', 'core-responsibilities', '--preview'], {}),
  small('--help', ['--help'], { time: 1.3, rss: 1.3 }),
  { name: `${pages.toLocaleString('en')} pages: list`, args: [...bigArgs, 'list'], target: { time: 2 }, progressTemplate: bigProgress, progressFile: runFile('big-list') },
  { name: `${pages.toLocaleString('en')} pages: list, index cache cold`, args: [...bigArgs, 'list'], target: {}, progressTemplate: bigProgress, progressFile: runFile('big-list-cold'), freshCache: true },
  { name: `${pages.toLocaleString('en')} pages: read LESSON`, args: [...bigArgs, 'read', '5.6.7', '--no-pager'], target: {}, progressTemplate: bigProgress, progressFile: runFile('big-read') },
  { name: `${pages.toLocaleString('en')} pages: next`, args: [...bigArgs, 'next'], target: { time: 2 }, progressTemplate: bigProgress, progressFile: runFile('big-next') },
  { name: '100,000 answers: next', args: ['next'], target: { time: 1.5 }, progressTemplate: answered.file, progressFile: runFile('answers-next') },
];

// Floors, for information: plain Node scripts doing the same file-system work as a
// warm command with none of pm-guide's logic, to show what the platform allows.
// As a warm pm-guide does, they take the course's folders and files from a list
// (the index keeps one) and stat each folder and each file to know it is current.
const FLOOR = `'use strict';
const fs = require('fs'), path = require('path');
const [mode, listFile, progress, cacheDir] = process.argv.slice(2);
const { folders, files } = JSON.parse(fs.readFileSync(listFile, 'utf8'));
for (const d of folders) fs.statSync(d);
for (const f of files) fs.statSync(f);
const index = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((n) => n.startsWith('course-')).map((n) => path.join(cacheDir, n)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size) : [];
if (index.length > 0) JSON.parse(fs.readFileSync(mode === 'list' ? index[0] : index[index.length - 1], 'utf8'));
const text = fs.readFileSync(progress, 'utf8');
const p = JSON.parse(text);
if (mode === 'list') {
  const out = files.map((f, i) => ('  ' + i + '  ' + path.basename(f)).padEnd(70) + (i % 2 ? 'read' : 'unread'));
  fs.writeSync(1, out.join('\\n') + '\\n');
} else {
  const lesson = fs.readFileSync(files[2], 'utf8');
  fs.readFileSync(files[2], 'utf8');
  const lock = progress + '.lock';
  fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
  fs.readFileSync(progress, 'utf8');
  const tmp = progress + '.tmp', fd = fs.openSync(tmp, 'w');
  fs.writeSync(fd, JSON.stringify(p) + '\\n'); fs.fsyncSync(fd); fs.closeSync(fd); fs.renameSync(tmp, progress);
  const dfd = fs.openSync(path.dirname(progress), 'r'); fs.fsyncSync(dfd); fs.closeSync(dfd);
  fs.unlinkSync(lock);
  fs.writeSync(1, lesson);
}
`;
const floorScript = join(tmp, 'floor.cjs');
writeFileSync(floorScript, FLOOR);
/** The folders and Markdown files of a course, listed once, for the floor script. */
function floorList(dir, name) {
  const folders = [dir];
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = join(d, e.name);
      if (e.isDirectory()) {
        folders.push(f);
        walk(f);
      } else if (f.endsWith('.md')) files.push(f);
    }
  };
  walk(dir);
  const file = join(tmp, `floor-${name}.json`);
  writeFileSync(file, JSON.stringify({ folders, files }));
  return file;
}
const cacheHome = join(home, 'cache', 'pm-guide');
cases.push(
  { name: 'floor: the file work of a warm read, in plain Node', script: floorScript, args: ['read', floorList(shippedLessons, 'small'), runFile('floor-read'), cacheHome], target: {}, progressTemplate: smallProgress, progressFile: runFile('floor-read') },
  { name: `floor: the file work of a warm ${pages.toLocaleString('en')}-page list, in plain Node`, script: floorScript, args: ['list', floorList(bigCourse, 'big'), runFile('floor-list'), cacheHome], target: {}, progressTemplate: bigProgress, progressFile: runFile('floor-list') },
);

const results = [];
for (const kase of cases) {
  process.stdout.write(`bench: ${kase.name} ... `);
  const r = measure(kase);
  results.push(r);
  console.log(`${fmt(r.ms)} ms (${fmt(r.timeRatio, 2)}x), ${fmt(r.rssMb)} MB (${fmt(r.rssRatio, 2)}x), ${r.runs} runs`);
}
// The quiz in a terminal, where it runs: from the start of the process to its
// first question drawn (the prompt's key hints on screen), in a pseudo-terminal,
// against a bare `node -e 0` started the same way and timed to its exit. No
// peak memory here (a pseudo-terminal has no spare descriptor for the hook).
// For information: the issue sets no target for it.
async function measureQuizStart(kase) {
  const pty = await import('@lydell/node-pty');
  const once = (args, drawn) =>
    new Promise((resolve, reject) => {
      if (kase.progressTemplate) copyFileSync(kase.progressTemplate, kase.progressFile);
      const t0 = process.hrtime.bigint();
      const env = envFor({ progress: kase.progressFile });
      const p = pty.spawn(process.execPath, args, { cols: 100, rows: 30, cwd: root, env });
      let out = '';
      let ms;
      const timer = setTimeout(() => p.kill(), 20_000);
      p.onData((d) => {
        out += d;
        if (ms === undefined && drawn && drawn.test(out)) {
          ms = Number(process.hrtime.bigint() - t0) / 1e6;
          p.kill();
        }
      });
      p.onExit(() => {
        clearTimeout(timer);
        if (!drawn) ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (ms === undefined) reject(new Error(`${kase.name}: no question on screen:\n${out.slice(0, 2000)}`));
        else resolve(ms);
      });
    });
  const args = [bin, ...kase.args];
  const question = /⏎/; // select and checkbox draw their key hints last
  for (let i = 0; i < WARMUP; i++) await once(args, question);
  const times = [];
  const baseTimes = [];
  for (let i = 0; i < RUNS; i++) {
    baseTimes.push(await once(['-e', '0'], undefined));
    times.push(await once(args, question));
  }
  return {
    ...kase,
    runs: times.length,
    ms: median(times),
    p25: quantile(times, 0.25),
    p75: quantile(times, 0.75),
    baseMs: median(baseTimes),
    timeRatio: median(times.map((t, i) => t / baseTimes[i])),
    firstLine: '',
    pty: true,
  };
}
{
  const kase = small('quiz LESSON in a terminal: first question on screen', ['quiz', 'core-responsibilities', '--seed', '3'], {});
  process.stdout.write(`bench: ${kase.name} ... `);
  const r = await measureQuizStart(kase);
  results.splice(results.findIndex((x) => x.name.startsWith('quiz LESSON --preview')) + 1, 0, r);
  console.log(`${fmt(r.ms)} ms (${fmt(r.timeRatio, 2)}x), ${r.runs} runs`);
}

const smallRead = results[0];
const bigRead = results.find((r) => r.name.endsWith('read LESSON'));
bigRead.target = { sameAs: { name: 'read on the shipped course', ms: smallRead.ms } };

process.stdout.write('bench: recording one more answer (in-process) ... ');
const recordFile = join(tmp, 'progress-record.json');
copyFileSync(answered.file, recordFile);
const recordTimes = helper.timeRecordAnswer(recordFile, 30, NOW);
const record = { ms: median(recordTimes), p25: quantile(recordTimes, 0.25), p75: quantile(recordTimes, 0.75), runs: recordTimes.length };
console.log(`${fmt(record.ms, 2)} ms`);
const growsWithQuestions = sizes[200_000] <= sizes[50_000] * 1.05;

// The baseline row is the piped cases' (a bare Node start in a pseudo-terminal costs more).
const piped = results.filter((r) => !r.pty);
const baseMs = median(piped.map((r) => r.baseMs));
const baseRss = median(piped.map((r) => r.baseRssMb));
const rows = [
  '| Case | Median ms (p25–p75) | × node | Peak RSS MB | × node | Runs | Target | Met? |',
  '|---|---|---|---|---|---|---|---|',
  `| \`node -e 0\` (baseline, median over the piped cases) | ${fmt(baseMs)} | 1.00 | ${fmt(baseRss)} | 1.00 | ${piped.reduce((n, r) => n + r.runs, 0)} | | |`,
  ...results.map(
    (r) =>
      `| ${r.name} | ${fmt(r.ms)} (${fmt(r.p25)}–${fmt(r.p75)}) | ${fmt(r.timeRatio, 2)} | ${r.rssMb === undefined ? '—' : fmt(r.rssMb)} | ${r.rssRatio === undefined ? '—' : fmt(r.rssRatio, 2)} | ${r.runs} | ${targetText(r.target)} | ${verdict(r)} |`,
  ),
  `| 100,000 answers: record one more (in-process) | ${fmt(record.ms, 2)} (${fmt(record.p25, 2)}–${fmt(record.p75, 2)}) | | | | ${record.runs} | < 10 ms | ${record.ms < 10 ? 'met' : '**not met**'} |`,
];
const kb = (n) => `${fmt(n / 1024)} KB`;
const report = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.mjs) on ${NOW.toISOString().slice(0, 10)}.
Machine: ${machine()}.

Each case is a whole process of the built binary, its stdout and stderr piped
(so \`read\` and \`next\` print without a pager; the quiz in a terminal runs in
a pseudo-terminal, timed to its first question on screen), timed against a bare
\`node -e 0\` run interleaved with it; a ratio is the median over runs of each
run against the bare Node run just before it (the machine is shared, and its
load varies: a pair of runs a moment apart sees the same load). Peak
memory is each process's own high-water resident set (getrusage \`ru_maxrss\`,
reported at exit by a preload every process gets, the baseline included).
Progress is reset from a template before every run, so each run does the same
work. Runs: ${RUNS} after ${WARMUP} warm-ups (slow cases stop after ${CASE_BUDGET_MS / 1000} s, with at least 5).

${rows.join('\n')}

What each \`next\` did (its first line):
${results
  .filter((r) => r.args.includes('next'))
  .map((r) => `- ${r.name}: "${r.firstLine.trim()}"`)
  .join('\n')}

Data: the shipped course (${'`lessons/`'}), with its first two lessons read and passed (for
\`next\` "a quiz owed": read, and the first of them passed; "the course finished": every
lesson read and passed); a generated course of ${pages.toLocaleString('en')} pages
(8 modules × 12 sections × 51 lessons, just-the-docs front matter, the shipped
lessons' Markdown), with the first 2,448 lessons read and passed; progress
files with 50,000, 100,000 and 200,000 answers spread over all ${answered.questions.toLocaleString('en')}
questions of the shipped course over a year, scheduled by FSRS.

Progress file size by answers recorded: ${kb(sizes[50_000])} at 50,000, ${kb(sizes[100_000])} at
100,000, ${kb(sizes[200_000])} at 200,000: ${growsWithQuestions ? 'it grows with the number of questions, not of answers (target met)' : '**it grows with the answers (target not met)**'}.

"Render cache cold" and "index cache cold" give every run an empty cache
folder: the cost the first time a lesson is read, or after a course changes.
`;

const previous = existsSync(join(root, 'BENCHMARKS.md')) ? readFileSync(join(root, 'BENCHMARKS.md'), 'utf8') : '';
const history = previous.indexOf('\n## History');
const out = history === -1 ? report : `${report}${previous.slice(history)}`;
if (process.env.PM_BENCH_OUT === '-') console.log(`\n${report}`);
else {
  writeFileSync(resolve(root, process.env.PM_BENCH_OUT || 'BENCHMARKS.md'), out);
  console.log(`\n${rows.join('\n')}\n\nbench: wrote ${process.env.PM_BENCH_OUT || 'BENCHMARKS.md'} in ${fmt((Date.now() - started) / 1000, 0)} s`);
}
