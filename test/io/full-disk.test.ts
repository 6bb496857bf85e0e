// A nearly full disk, for real: a small tmpfs with about 8 KB left. A save
// that does not fit (an import, a quiz answer, an export over a file) fails in
// one line with a non-zero exit, and the file it would have replaced is as it
// was, byte for byte, with no temp file left beside it. (Needs root to mount
// the tmpfs; skipped elsewhere.)
import { progressWithAnswers } from '../helpers/progress-file.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn, type Asked } from '../helpers/in-process.js';
import { cleanTemps, fixturesDir, tempDir } from '../helpers/run.js';

const root = tempDir('pm-guide-full-disk-');
const disk = join(root, 'disk');
mkdirSync(disk);
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', disk]).status === 0;

afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
  cleanTemps();
});

const course = join(fixturesDir, 'course');

/** A valid progress file of about 120 KB. */
const progressText = (items: number, lesson = 'duties'): string => progressWithAnswers(items, (i) => `r-kept-${i}`, () => lesson);

/** Fills the tmpfs until about `left` bytes are free. */
function fillDisk(left: number): void {
  const st = statfsSync(disk);
  const free = Number(st.bavail) * Number(st.bsize);
  writeFileSync(join(disk, `filler-${Date.now()}`), Buffer.alloc(Math.max(0, free - left)));
}

const anyAnswer = (asked: Asked): string | string[] => (asked.kind === 'chooseMany' ? [asked.choices[0]!] : asked.kind === 'typeAnswer' ? 'a spade' : asked.choices[0]!);

describe.runIf(mounted)('a nearly full disk (8 KB free on a tmpfs)', () => {
  let progress: string;
  let before: string;

  beforeAll(() => {
    progress = join(disk, 'progress.json');
    before = progressText(360);
    writeFileSync(progress, before);
    fillDisk(8 * 1024);
  });

  const onlyTheFile = () => readdirSync(disk).filter((n) => !n.startsWith('filler-'));

  it('import: one line, exit 1, the progress file as it was', async () => {
    const incoming = join(root, 'other.json');
    writeFileSync(incoming, progressText(3, 'tools').replace(/r-kept-/g, 'r-other-'));
    const r = await runIn(['--lessons', course, '--progress', progress, 'import', incoming]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/progress\.json: cannot be written \(ENOSPC\); your earlier progress is unchanged/);
    expect(r.stdout).not.toMatch(/Imported|Saved/);
    expect(readFileSync(progress, 'utf8')).toBe(before);
    expect(onlyTheFile()).toEqual(['progress.json']);
  });

  it('a quiz answer: one line, exit 1, no "saved", the progress file as it was', async () => {
    const r = await runIn(['--lessons', course, '--progress', progress, 'quiz', 'duties', '--count', '1', '--seed', '1'], { tty: true, answers: [anyAnswer] });
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot be written \(ENOSPC\)/);
    expect(r.stdout).not.toMatch(/saved|Right\.|Not quite/);
    expect(readFileSync(progress, 'utf8')).toBe(before);
    expect(onlyTheFile()).toEqual(['progress.json']);
  });

  it('export FILE --force over a file: one line, exit 1, that file as it was', async () => {
    const small = join(root, 'small-progress.json');
    writeFileSync(small, progressText(360));
    const target = join(disk, 'backup.json');
    writeFileSync(target, 'an older backup\n');
    const r = await runIn(['--lessons', course, '--progress', small, 'export', target, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/backup\.json: cannot be written \(ENOSPC\); nothing was exported/);
    expect(r.stdout).not.toMatch(/Exported/);
    expect(readFileSync(target, 'utf8')).toBe('an older backup\n');
    expect(onlyTheFile().sort()).toEqual(['backup.json', 'progress.json']);
  });
});
