#!/usr/bin/env node
// Reads every page of a site folder with the built pm-guide, at 80 columns,
// plain and with --color, and reports what a learner should never see: raw
// Liquid ({%), kramdown attribute lists ({:), HTML blocks and tags, table
// delimiter rows, lines wider than the terminal, and anything on stderr.
// Not part of npm test: a tool for checking pm-guide against a real site.
//
//   npm run build && node scripts/check-site.mjs /path/to/site/docs [--verbose]
//
// Lines inside a page's own code examples are not leftovers: a code block is
// drawn under a "│" rule (see src/ui/code-block.ts), and those lines are
// skipped; inline code is told apart by its colour, so the text checks run on
// the coloured output with inline code taken out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/pm-guide.js', import.meta.url));
const dir = process.argv[2];
const verbose = process.argv.includes('--verbose');
if (!dir) {
  console.error('usage: node scripts/check-site.mjs SITE_FOLDER [--verbose]');
  process.exit(2);
}
const WIDTH = 80;
const scratch = mkdtempSync(join(tmpdir(), 'pm-guide-check-'));
const env = { ...process.env, COLUMNS: String(WIDTH), PM_GUIDE_PROGRESS: join(scratch, 'progress.json'), PAGER: 'cat' };
delete env.NO_COLOR;

const run = (args) => spawnSync(process.execPath, [bin, '--lessons', dir, ...args], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
const ANSI = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
const plain = (s) => s.replace(ANSI, '');
const width = (s) => [...plain(s)].length;

const list = run(['list', '--json']);
if (list.status !== 0) {
  console.error(list.stderr);
  process.exit(1);
}
const pages = JSON.parse(list.stdout).lessons;

const CHECKS = [
  ['Liquid {%', (l) => l.includes('{%')],
  ['Liquid {{', (l) => /\{\{.*\}\}/.test(l)],
  ['kramdown {:', (l) => /\{:\s*[.#a-z]/i.test(l) || /\{#[\w-]+\}/.test(l)],
  ['HTML tag', (l) => /<\/?(div|span|p|a|img|table|tr|td|th|button|nav|details|summary|kbd|br|hr|code|pre|ul|ol|li|em|strong|sup|sub|small)\b[^>]*>/i.test(l)],
  ['table delimiter |---', (l) => /\|\s*:?-{3,}/.test(l)],
  ['footnote [^', (l) => /\[\^[^\]]+\]/.test(l)],
  ['TOC marker', (l) => /^\s*1\.\s+TOC\s*$/.test(l) || l.includes('{:toc}')],
];

const totals = new Map();
const note = (kind, page, line) => {
  const entry = totals.get(kind) ?? { count: 0, pages: new Set(), samples: [] };
  entry.count++;
  entry.pages.add(page);
  if (entry.samples.length < 4) entry.samples.push(`${page}: ${line.trim().slice(0, 100)}`);
  totals.set(kind, entry);
};

for (const page of pages) {
  for (const color of [false, true]) {
    const r = run(['read', page.id, '--no-pager', color ? '--color' : '--no-color']);
    const label = `${page.number} ${page.id}${color ? ' (colour)' : ''}`;
    if (r.status !== 0) note('exit code', label, `${r.status}: ${r.stderr.split('\n')[0]}`);
    if (r.stderr.trim() !== '') note('stderr', label, r.stderr.split('\n')[0]);
    // In colour, inline code (the page's own examples, yellow, sometimes over two lines) is blanked for the text checks.
    const proseLines = r.stdout.replace(/\u001b\[33m[\s\S]*?\u001b\[39m/g, (span) => span.replace(/[^\n]/g, ' ')).split('\n');
    for (const [k, raw] of r.stdout.split('\n').entries()) {
      const line = plain(raw);
      const prose = plain(proseLines[k] ?? '');
      if (width(raw) > WIDTH) {
        // A single word longer than the line (a long address) cannot be broken without breaking it.
        const unbreakable = line.trim().split(/\s+/).length === 1;
        note(unbreakable ? `wider than ${WIDTH} (one unbreakable word)` : `wider than ${WIDTH}`, label, line);
      }
      if (/^\s*│ /.test(line)) continue; // A code example: shown as written.
      if (!color) continue; // Text leftovers are checked once, in colour, where inline code can be told apart.
      for (const [kind, test] of CHECKS) if (test(prose)) note(kind, label, line);
    }
  }
}
rmSync(scratch, { recursive: true, force: true });

console.log(`${pages.length} pages read at ${WIDTH} columns, plain and with --color`);
if (totals.size === 0) console.log('no leftovers');
for (const [kind, { count, pages: where, samples }] of totals) {
  console.log(`${kind}: ${count} line(s) on ${where.size} page(s)`);
  for (const s of verbose ? samples : samples.slice(0, 2)) console.log(`    ${s}`);
}
process.exitCode = totals.size === 0 ? 0 : 1;
