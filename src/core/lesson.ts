// A lesson: one Markdown file with YAML front matter, cleaned of encoding damage,
// terminal controls and Jekyll-only markup.
import { InvalidLessonError } from './errors.js';
import { parseFrontMatter, splitFrontMatter } from './front-matter.js';
import { stripJekyll } from './jekyll.js';
import type { SiteConfig } from './site.js';
import { cleanSourceText, neutraliseLine, plainLabel, slugify } from './text.js';

export interface Lesson {
  id: string;
  title: string;
  parent: string | undefined;
  grandParent: string | undefined;
  /** A number, or text (sorted after every number, as the theme does). */
  navOrder: number | string | undefined;
  /** `nav_exclude: true`: left out of the navigation, still readable by id. */
  navExclude?: boolean;
  /** `ancestor`: the title of a page further up, to choose between parents that share a title. */
  ancestor?: string | undefined;
  /** The site collection the page belongs to (a separate tree), if any. */
  collection?: string | undefined;
  /** True when the id was declared in front matter (not derived from the path). */
  idDeclared?: boolean;
  /** The id the path gives with its numeric prefixes kept: taken when the usual id is already used. */
  fullPathId?: string;
  /** Front matter keys given twice (the last was kept), for lint. */
  duplicateKeys?: Array<{ key: string; line: number }>;
  /** A module page (just-the-docs `has_children`): a chapter heading, not quizzed. */
  isModule: boolean;
  /** Path of the file, as shown in messages. */
  file: string;
  /** Markdown body with Jekyll markup removed; line 1 is the file's line `bodyLine`. */
  body: string;
  bodyLine: number;
  /** True when the title came from front matter (lint wants it there). */
  titleInFrontMatter: boolean;
  /** What the lesson's sections are, in the singular (front matter `item_kind`), so a question can say what it asks for. */
  itemKind?: string | undefined;
}

export interface LessonSource {
  /** Path used in messages. */
  file: string;
  /** Path relative to the course folder, used to derive an id. */
  relPath: string;
  text: string;
  /** What the site's _config.yml says (callout labels); the usual defaults when absent. */
  site?: SiteConfig | undefined;
  collection?: string | undefined;
}

/** The id a lesson gets from its path: numeric ordering prefixes dropped, so reordering keeps it. */
export function idFromPath(relPath: string, keepPrefixes = false): string {
  const parts = relPath
    .replace(/\\/g, '/')
    .replace(/\.[^./]+$/, '')
    .split('/')
    .map((p) => (keepPrefixes ? slugify(p) : slugify(p.replace(/^\d+[-_. ]+/, '')) || slugify(p)))
    .filter((p) => p !== '');
  if (parts.length > 1 && parts[parts.length - 1] === 'index') parts.pop();
  return parts.join('/') || 'lesson';
}

function firstHeading(body: string): string | undefined {
  let inFence = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const m = /^#\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) return plainLabel(m[1]!);
  }
  return undefined;
}

/** The lesson's Markdown body, exactly as parseLesson derives it, without parsing the front matter's YAML. */
export function lessonBody(source: LessonSource): string {
  return stripJekyll(splitFrontMatter(cleanSourceText(source.text), source.file).body, source.site);
}

export function parseLesson(source: LessonSource): Lesson {
  const text = cleanSourceText(source.text);
  if (text.trim() === '') throw new InvalidLessonError(source.file, 1, 'the file is empty: give it front matter with a title and some Markdown');
  const split = splitFrontMatter(text, source.file);
  const fm = split.yaml === undefined ? {} : parseFrontMatter(split.yaml, source.file, split.yamlLine);
  const body = stripJekyll(split.body, source.site);
  const title = fm.title ?? firstHeading(body);
  if (title === undefined || title === '') {
    throw new InvalidLessonError(source.file, 1, 'the lesson has no title: add "title: ..." to its front matter');
  }
  const lesson: Lesson = {
    id: fm.id ?? idFromPath(source.relPath),
    title: neutraliseLine(title),
    parent: fm.parent || undefined,
    grandParent: fm.grand_parent || undefined,
    navOrder: fm.nav_order,
    isModule: fm.has_children === true,
    file: source.file,
    body,
    bodyLine: split.bodyLine,
    titleInFrontMatter: fm.title !== undefined,
    itemKind: fm.item_kind,
  };
  if (fm.id !== undefined) lesson.idDeclared = true;
  else {
    const full = idFromPath(source.relPath, true);
    if (full !== lesson.id) lesson.fullPathId = full;
  }
  if (fm.nav_exclude) lesson.navExclude = true;
  if (fm.ancestor) lesson.ancestor = fm.ancestor;
  if (source.collection) lesson.collection = source.collection;
  if (fm.duplicateKeys) lesson.duplicateKeys = fm.duplicateKeys;
  return lesson;
}
