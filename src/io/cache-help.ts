// The help cache: `pm-guide --help` (or `pm-guide read --help`) prints the same
// text for the same build, arguments, width and colour settings, so it is kept
// in the cache folder and printed from there, without loading commander and
// building the program. The entry holds the full context it was made in and is
// used only when that matches exactly and its length adds up.
import { join } from 'node:path';
import { buildId, hashKey, readCache, writeCache } from './cache.js';

/** True for a plain request for help: `--help`, or one command and `--help` (or -h). */
export function isHelpRequest(args: readonly string[]): boolean {
  const flag = (a: string | undefined) => a === '--help' || a === '-h';
  return (args.length === 1 && flag(args[0])) || (args.length === 2 && /^[a-z]+$/.test(args[0]!) && flag(args[1]));
}

const file = (cacheDir: string, context: string) => join(cacheDir, 'help', hashKey(`${buildId()}\u0001${context}`));

export function readHelp(cacheDir: string, context: string): string | undefined {
  const text = readCache(file(cacheDir, context));
  if (text === undefined) return undefined;
  const header = `pm-guide help 1 ${buildId()} ${JSON.stringify(context)} `;
  if (!text.startsWith(header)) return undefined;
  const newline = text.indexOf('\n', header.length);
  const length = Number(text.slice(header.length, newline));
  const help = text.slice(newline + 1);
  return newline !== -1 && help.length === length ? help : undefined;
}

export function writeHelp(cacheDir: string, context: string, help: string): void {
  writeCache(file(cacheDir, context), `pm-guide help 1 ${buildId()} ${JSON.stringify(context)} ${help.length}\n${help}`);
}
