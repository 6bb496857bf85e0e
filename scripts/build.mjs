// Bundles src/ into dist/: one entry file for the fast paths (read, list, next,
// --help) plus lazily imported chunks (prompts, the quiz runner), so start-up
// pays only for what a command uses.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// marked-terminal imports a syntax highlighter and an emoji table eagerly; both
// cost more start-up than the rest of pm-guide. These shims stand in for them
// (see src/ui/highlight-shim.ts): the highlighter is loaded only for lessons with code.
const shims = {
  name: 'pm-guide-shims',
  setup(b) {
    const to = (path) => () => ({ path: fileURLToPath(new URL(path, import.meta.url)) });
    b.onResolve({ filter: /^cli-highlight$/ }, to('../src/ui/highlight-shim.ts'));
    b.onResolve({ filter: /^node-emoji$/ }, to('../src/ui/emoji-shim.ts'));
  },
};

await build({
  plugins: [shims],
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { PM_GUIDE_VERSION: JSON.stringify(pkg.version) },
  // Some dependencies (cli-table3, cli-highlight) are CommonJS and call require().
  banner: {
    js: "import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);",
  },
});
