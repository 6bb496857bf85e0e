// The render cache lives in the learner's cache folder, where anything can
// change it. A changed entry is filtered on the way out as the renderer filters
// its own output: it cannot drive the terminal any more than a lesson can.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drivesTerminal } from '../helpers/hostile.js';
import { cleanTemps, run, tempDir } from '../helpers/run.js';

afterAll(cleanTemps);

describe('a render cache entry changed behind pm-guide', () => {
  it('is shown with its escape sequences removed', () => {
    const home = tempDir();
    const progress = join(home, 'progress.json');
    const args = ['--progress', progress, 'read', 'core-responsibilities', '--color'];
    const first = run(args, { env: { HOME: home } });
    expect(first.code, first.stderr).toBe(0);

    const dir = join(home, 'cache', 'pm-guide', 'render');
    const [name] = readdirSync(dir);
    const entry = join(dir, name!);
    const text = readFileSync(entry, 'utf8');
    // Replace ten characters of the rendering with ten that set the window title and clear
    // the screen, keeping every length in the entry's header true.
    const at = text.lastIndexOf('Roadmappin');
    expect(at).toBeGreaterThan(0);
    writeFileSync(entry, `${text.slice(0, at)}\u001b]0;x\u0007\u001b[2J${text.slice(at + 10)}`);

    const second = run(args, { env: { HOME: home } });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toBe(first.stdout); // The changed entry was used...
    expect(drivesTerminal(second.stdout), JSON.stringify(second.stdout)).toBe(false); // ...and drives nothing.
  });
});
