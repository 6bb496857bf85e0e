import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // As scripts/build.mjs does: the code under test is the code that ships.
  resolve: { alias: { 'cli-highlight': src('ui/highlight-shim.ts'), 'node-emoji': src('ui/emoji-shim.ts') } },
  test: {
    // Run through vite, so that the aliases above reach marked-terminal's own imports.
    server: { deps: { inline: ['marked-terminal'] } },
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/fixed-seed.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Both cores: most files wait on child processes or a pseudo-terminal, not on the CPU.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
