import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runIn } from '../helpers/in-process.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, fixturesDir, lessonsDir, tempDir } from '../helpers/run.js';

afterAll(cleanTemps);

function brokenCourse(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'm'));
  writeFileSync(join(dir, 'm', 'index.md'), '---\ntitle: Module\nnav_order: 1\nhas_children: true\n---\n# Module\n');
  writeFileSync(join(dir, 'm', 'a.md'), '---\ntitle: First\nparent: Module\nnav_order: 1\n---\n# First\n\n- **One**: the first thing in a list.\n');
  writeFileSync(join(dir, 'm', 'b.md'), '---\ntitle: Second\nparent: Module\nnav_order: 1\n---\n# Second\n\n{% include x.html %}\n');
  writeFileSync(join(dir, 'm', 'c.md'), '---\ntitle: Third\nparent: Nowhere\nnav_order: 3\n---\n# Third\n');
  writeFileSync(join(dir, 'm', 'd.md'), '---\nparent: Module\nnav_order: 4\n---\n# Untitled in front matter\n');
  writeFileSync(join(dir, 'm', 'e.md'), '---\ntitle: Fifth\nparent: Module\nnav_order: 5\n---\n# Fifth\n\n```quiz\n- question: Pick\n  choices: [A, B]\n  answer: C\n```\n');
  writeFileSync(join(dir, 'm', 'f.md'), '---\ntitle: "Goal ðŸŽ¯"\nparent: Module\nnav_order: 6\n---\n# Goal\n');
  return dir;
}

describe('pm-guide lint', () => {
  it('passes the shipped course and the test fixture', async () => {
    const shipped = await runIn(['lint', lessonsDir]);
    expect(shipped.code, shipped.stdout + shipped.stderr).toBe(0);
    expect(shipped.stdout).toMatch(/^0 errors/m);
    expect((await runIn(['lint', join(fixturesDir, 'course')])).code).toBe(0);
  });

  it('prints one line per finding with file and line, and exits non-zero on errors', async () => {
    const dir = brokenCourse();
    const r = await runIn(['lint', dir], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^m\/b\.md:1: error: nav_order 1 is also used by its sibling/),
        expect.stringMatching(/^m\/b\.md:8: warning: includes are shown as a placeholder/),
        expect.stringMatching(/^m\/c\.md:1: error: parent "Nowhere" is not the title of any lesson/),
        expect.stringMatching(/^m\/d\.md:1: error: front matter has no "title"/),
        expect.stringMatching(/^m\/e\.md:9: error: quiz question 1: the answer "C" is not one of the choices/),
        expect.stringMatching(/^m\/f\.md:2: warning: mojibake/),
      ]),
    );
    expect(lines.at(-1)).toMatch(/^4 errors, \d+ warnings?$/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints findings as JSON for tools', async () => {
    const dir = brokenCourse();
    const r = await runIn(['lint', dir, '--json'], { cwd: dir });
    const findings = JSON.parse(r.stdout) as Array<{ file: string; line: number; severity: string; message: string }>;
    expect(findings.filter((f) => f.severity === 'error')).toHaveLength(4);
    expect(findings[0]).toEqual({ file: expect.any(String), line: expect.any(Number), severity: expect.any(String), message: expect.any(String) });
  });
});
