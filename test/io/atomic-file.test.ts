// Replacing a file atomically (the progress file, and exports): the new content
// or the old, never half of it, and no temp files left behind either way.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/io/atomic-file.js';
import { cleanTemps, tempDir } from '../helpers/run.js';

afterAll(cleanTemps);

describe('writeAtomically', () => {
  it('replaces the file whole and leaves nothing else in the folder', () => {
    const dir = tempDir();
    const file = join(dir, 'out.json');
    writeFileSync(file, 'old');
    writeAtomically(file, 'new content');
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('that fails leaves the old file as it was and no temp file, and says why', () => {
    const dir = tempDir();
    const file = join(dir, 'taken');
    mkdirSync(file); // A folder where the file should go: the rename fails.
    writeFileSync(join(file, 'inside'), 'kept');
    expect(() => writeAtomically(file, 'new')).toThrow(expect.objectContaining({ code: expect.stringMatching(/^E/) }));
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(file, 'inside'), 'utf8')).toBe('kept');
  });
});
