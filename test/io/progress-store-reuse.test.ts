// The progress store starts an update from the progress it last read or wrote
// when the file is still that one, and reads the file again whenever anything
// else has replaced or changed it, so that no other writer's answers are lost.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProgress, markRead } from '../../src/core/progress.js';
import { ProgressStore } from '../../src/io/progress-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'pm-guide-store-'));
  dirs.push(dir);
  const file = join(dir, 'progress.json');
  const store = () => new ProgressStore({ file, warn: () => {} });
  return { file, store };
}

const at = new Date('2026-03-02T09:00:00Z');

describe('ProgressStore reuses what it knows only while the file is unchanged', () => {
  it('keeps every update of one store, in order', () => {
    const { file, store } = setup();
    const s = store();
    for (const id of ['a', 'b', 'c']) s.update((p) => markRead(p, id, at));
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { lessons: Record<string, unknown> };
    expect(Object.keys(saved.lessons)).toEqual(['a', 'b', 'c']);
  });

  it('sees another store writing in between', () => {
    const { file, store } = setup();
    const mine = store();
    const theirs = store();
    mine.update((p) => markRead(p, 'a', at));
    theirs.update((p) => markRead(p, 'b', at));
    mine.update((p) => markRead(p, 'c', at));
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { lessons: Record<string, unknown> };
    expect(Object.keys(saved.lessons).sort()).toEqual(['a', 'b', 'c']);
  });

  it('sees the file replaced or edited by hand, even to the same size', () => {
    const { file, store } = setup();
    const s = store();
    s.load();
    s.update((p) => markRead(p, 'a', at));
    // Replaced by rename, as another pm-guide would.
    const other = `${file}.other`;
    writeFileSync(other, `${JSON.stringify(markRead(emptyProgress(), 'b', at))}\n`);
    renameSync(other, file);
    s.update((p) => markRead(p, 'c', at));
    expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { lessons: object }).lessons).sort()).toEqual(['b', 'c']);
    // Edited in place to text of the same length.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"b"', '"d"'));
    s.update((p) => markRead(p, 'e', at));
    expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { lessons: object }).lessons).sort()).toEqual(['c', 'd', 'e']);
  });

  it('is not stopped by a FIFO put in place of the file it knows', () => {
    const { file, store } = setup();
    const s = store();
    s.update((p) => markRead(p, 'a', at));
    rmSync(file);
    const made = spawnSync('mkfifo', [file]);
    if (made.error || made.status !== 0) return; // No mkfifo here.
    expect(() => s.update((p) => markRead(p, 'b', at))).toThrow(/not a regular file/);
  });

  it('sees the file removed', () => {
    const { file, store } = setup();
    const s = store();
    s.update((p) => markRead(p, 'a', at));
    rmSync(file);
    s.update((p) => markRead(p, 'b', at));
    expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { lessons: object }).lessons)).toEqual(['b']);
  });
});
