// The reference lessons in ../shared/seeds, when this checkout has them (CI does;
// a user's clone may not). Tests that need them are skipped without them.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const seedsDir = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
export const haveSeeds = existsSync(join(seedsDir, '000_4348e7e7ffd4f11a.txt'));

export function readSeed(name: '000_4348e7e7ffd4f11a.txt' | '001_e722478c7e9ee6e3.txt'): string {
  return readFileSync(join(seedsDir, name), 'utf8');
}
