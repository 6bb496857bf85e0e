// The render cache: a lesson as the terminal shows it, kept with the title and
// file bytes it came from and keyed by everything else the rendering depends on
// (width, colour level, and the flags and environment the colour libraries
// read), so that reading a lesson again does not load the Markdown renderer,
// nor work out the lesson's quiz material for the footer.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lessonBody, type Lesson } from '../core/lesson.js';
import { onlyOwnStyling } from '../core/text.js';
import { buildId, hashKey, pruneCache, readCache, writeCache } from './cache.js';
import { MAX_LESSON_BYTES, decodeLessonBytes } from './read-text.js';

/** Environment variables that marked-terminal's colour libraries consult (chalk, @colors/colors). */
const COLOUR_ENV = ['FORCE_COLOR', 'NO_COLOR', 'TERM', 'COLORTERM', 'CI', 'CI_NAME', 'TRAVIS', 'CIRCLECI', 'APPVEYOR', 'GITLAB_CI', 'TEAMCITY_VERSION', 'TERM_PROGRAM', 'TERM_PROGRAM_VERSION'];

export interface RenderKeyInput {
  /** What is rendered: the lesson's file (its Markdown is compared in full, see readRender). */
  source: string;
  width: number;
  /** chalk's level, 0 to 3. */
  level: number;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The command line (@colors/colors reads --color and --no-color from it); process.argv by default. */
  argv?: readonly string[];
}

/** The entry's name: the source and everything but the Markdown that the rendering depends on. */
export function renderKey(input: RenderKeyInput): string {
  const env = COLOUR_ENV.map((k) => (input.env[k] === undefined ? '' : `${k}=${input.env[k]}`)).join('\u0000');
  const flags = (input.argv ?? process.argv).filter((a) => /^--(no-)?colou?rs?(=|$)/.test(a)).join('\u0000');
  return hashKey([buildId(), input.width, input.level, input.isTTY, process.platform, env, flags, input.source].join('\u0001'));
}

/** What is kept of a lesson shown before: its rendering, and whether it has anything to quiz on (for the footer). */
export interface RenderEntry {
  rendered: string;
  quizMaterial: boolean;
}

/**
 * A lesson file's bytes as a string (one character a byte), to compare with
 * the bytes an entry was rendered from; undefined when unreadable or too large
 * to be a lesson (the ordinary path then says why).
 */
export function readSource(path: string): string | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st || !st.isFile() || st.size > MAX_LESSON_BYTES) return undefined;
    return readFileSync(path).toString('latin1');
  } catch {
    return undefined;
  }
}

/** True when `source` (see readSource) is what the lesson's body came from: the file has not changed since it was loaded. */
export function isSourceOf(source: string, lesson: Lesson): boolean {
  try {
    return lessonBody({ file: lesson.file, relPath: lesson.file, text: decodeLessonBytes(Buffer.from(source, 'latin1'), lesson.file) }) === lesson.body;
  } catch {
    return false;
  }
}

// An entry: a header line with the key, the lengths and the quiz flag, then
// the lesson's title and its file's bytes (see readSource), then the
// rendering. It is used only when title and bytes are the same, in full (a
// string comparison, cheaper than hashing them, and nothing of the lesson
// needs working out), and the lengths add up (a write cut short is never shown).
export function readRender(cacheDir: string, key: string, title: string, source: string): RenderEntry | undefined {
  const text = readCache(join(cacheDir, 'render', key));
  if (text === undefined) return undefined;
  const newline = text.indexOf('\n');
  const header = /^pm-guide render 4 (\S+) (\d+) (\d+) (\d+) ([01])$/.exec(text.slice(0, Math.max(newline, 0)));
  if (!header || header[1] !== key || Number(header[2]) !== title.length || Number(header[3]) !== source.length) return undefined;
  const sourceAt = newline + 1 + title.length;
  const renderedAt = sourceAt + source.length;
  if (text.length !== renderedAt + Number(header[4])) return undefined;
  if (text.slice(newline + 1, sourceAt) !== title || text.slice(sourceAt, renderedAt) !== source) return undefined;
  // Filtered as the renderer filters its own output, so that a cache file changed
  // by anything but pm-guide can no more drive the terminal than a lesson can.
  const rendered = onlyOwnStyling(text.slice(renderedAt));
  return rendered.includes('\u0000') ? undefined : { rendered, quizMaterial: header[5] === '1' };
}

export function writeRender(cacheDir: string, key: string, title: string, source: string, entry: RenderEntry): void {
  const dir = join(cacheDir, 'render');
  const header = `pm-guide render 4 ${key} ${title.length} ${source.length} ${entry.rendered.length} ${entry.quizMaterial ? 1 : 0}`;
  writeCache(join(dir, key), `${header}\n${title}${source}${entry.rendered}`);
  pruneCache(dir);
}
