import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // As scripts/build.mjs does: the code under test is the code that ships.
  resolve: { alias: { 'cli-highlight': src('ui/highlight-shim.ts'), 'node-emoji': src('ui/emoji-shim.ts') } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
