// Runs one of the TypeScript scripts beside it (node scripts/run-ts.mjs
// scripts/simulate.ts [args]): bundled with esbuild, as scripts/build.mjs
// bundles the CLI, into a temporary file, so that no TypeScript loader is
// needed and the script always runs the code as it is in src/.
import { build } from 'esbuild';
import { nodeBundle } from './bundle-options.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (!script) throw new Error('usage: node scripts/run-ts.mjs SCRIPT.ts [args]');
const dir = mkdtempSync(join(tmpdir(), 'pm-guide-script-'));
const outfile = join(dir, 'script.mjs');
process.argv = [process.argv[0], resolve(script), ...args];
try {
  await build({
    entryPoints: [resolve(script)],
    outfile,
    ...nodeBundle,
  });
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
