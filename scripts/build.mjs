// Builds dist/: pm-guide bundled by esbuild as ES modules. src/cli.ts and what
// every command needs is dist/cli.js; what only some commands need (rendering,
// YAML, prompts, each command's own code) is reached through import() and
// lands in chunks of its own, loaded when a command first asks for it.
import { build } from 'esbuild';
import { nodeBundle } from './bundle-options.mjs';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');
// Built beside dist/ and swapped in at the end, so a run in progress never sees half a build.
const building = `${dist}.building-${process.pid}`;

try {
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli.ts' },
    outdir: building,
    ...nodeBundle,
    splitting: true,
    legalComments: 'none',
    define: { PM_GUIDE_VERSION: JSON.stringify(pkg.version) },
  });
  rmSync(dist, { recursive: true, force: true });
  renameSync(building, dist);
} catch (error) {
  rmSync(building, { recursive: true, force: true });
  throw error;
}
