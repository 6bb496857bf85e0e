// Front matter is YAML parsed as plain data: no JavaScript engines, no custom
// tags, no alias bombs. Known keys are checked; unknown ones are ignored.
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document } from 'yaml';
import { InvalidLessonError } from './errors.js';
import { neutraliseLine } from './text.js';

export interface FrontMatterSplit {
  /** The YAML text, or undefined when the file has no front matter. */
  yaml: string | undefined;
  body: string;
  /** 1-based line of the file where the YAML starts. */
  yamlLine: number;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

const OPENER = /^---[ \t]*([A-Za-z0-9_-]*)[ \t]*$/;
const CLOSER = /^(?:---|\.\.\.)[ \t]*$/;

export function splitFrontMatter(text: string, file: string): FrontMatterSplit {
  const firstBreak = text.indexOf('\n');
  const first = firstBreak === -1 ? text : text.slice(0, firstBreak);
  const open = OPENER.exec(first);
  if (!open) return { yaml: undefined, body: text, yamlLine: 1, bodyLine: 1 };
  const lang = open[1]!.toLowerCase();
  if (lang !== '' && lang !== 'yaml' && lang !== 'yml') {
    throw new InvalidLessonError(
      file,
      1,
      `front matter in "${neutraliseLine(lang).slice(0, 20)}" is not supported: only YAML, which pm-guide reads as data and never runs`,
    );
  }
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (CLOSER.test(lines[i]!)) {
      return {
        yaml: lines.slice(1, i).join('\n'),
        body: lines.slice(i + 1).join('\n'),
        yamlLine: 2,
        bodyLine: i + 2,
      };
    }
  }
  throw new InvalidLessonError(file, 1, 'front matter starts with "---" but never ends: add a closing "---" line');
}

export interface FrontMatter {
  title?: string;
  id?: string;
  parent?: string;
  grand_parent?: string;
  /** A number, or text that the theme sorts after every number (a quoted "4.5" is text). */
  nav_order?: number | string;
  has_children?: boolean;
  /** What the lesson's `###` sections are, in the singular ("prioritisation framework"): quiz stems name it. */
  item_kind?: string;
  /** Left out of the navigation (still readable by id). */
  nav_exclude?: boolean;
  /** The title of a page further up, to choose between pages that share a title. */
  ancestor?: string;
  /** Keys given more than once: Jekyll takes the last, and so does pm-guide; lint warns. */
  duplicateKeys?: Array<{ key: string; line: number }>;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;

class BadKey extends Error {
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(problem);
  }
}

function text(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') throw new BadKey(key, 'expected text');
  return neutraliseLine(String(v)).trim();
}

function flag(data: Record<string, unknown>, key: string): boolean | undefined {
  const v = data[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new BadKey(key, 'expected true or false');
  return v;
}

/** The known keys, checked (unknown keys are ignored): throws BadKey for the first that is wrong. */
function readKnownKeys(data: Record<string, unknown>): FrontMatter {
  const out: FrontMatter = {};
  const title = text(data, 'title');
  if (title !== undefined) {
    if (title === '') throw new BadKey('title', 'must not be empty');
    out.title = title;
  }
  if (data.id !== undefined && data.id !== null) {
    if (typeof data.id !== 'string' || !ID.test(data.id)) throw new BadKey('id', 'use letters, digits, "-", "_", "." and "/"');
    out.id = data.id;
  }
  const parent = text(data, 'parent');
  if (parent !== undefined) out.parent = parent;
  const grandParent = text(data, 'grand_parent');
  if (grandParent !== undefined) out.grand_parent = grandParent;
  const ancestor = text(data, 'ancestor');
  if (ancestor !== undefined) out.ancestor = ancestor;
  const order = data.nav_order;
  if (order !== undefined && order !== null) {
    // The theme sorts numbers by value and text (a quoted "2") as text, after all the numbers.
    if (typeof order === 'number' && Number.isFinite(order)) out.nav_order = order;
    else if (typeof order === 'string' && order.trim() !== '') out.nav_order = neutraliseLine(order).trim();
    else throw new BadKey('nav_order', 'expected a number (or text)');
  }
  const itemKind = text(data, 'item_kind');
  if (itemKind !== undefined) {
    if (itemKind === '' || itemKind.length > 60) throw new BadKey('item_kind', 'expected a short noun phrase, such as "research method"');
    out.item_kind = itemKind;
  }
  out.has_children = flag(data, 'has_children');
  out.nav_exclude = flag(data, 'nav_exclude');
  if (out.has_children === undefined) delete out.has_children;
  if (out.nav_exclude === undefined) delete out.nav_exclude;
  return out;
}

function keyLine(doc: Document, key: PropertyKey | undefined, counter: LineCounter, yamlLine: number): number {
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.key.range) {
        return counter.linePos(pair.key.range[0]).line + yamlLine - 1;
      }
    }
  }
  return yamlLine;
}

const PLAIN_TAG = /^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq)$/;

/** yaml's words for a structure deeper than its parser can follow, made plain. */
function plainProblem(message: string): string {
  return /call stack|too much recursion/i.test(message) ? 'it is nested too deeply' : message;
}

/** Parses YAML text as plain data, throwing InvalidLessonError with the file's line. */
export interface YamlOptions {
  /** Called for each key given twice in one map, instead of refusing the YAML: the last one is kept (Jekyll's rule). */
  onDuplicateKey?: (key: string, line: number) => void;
}

export function parseYamlData(source: string, file: string, firstLine: number, what: string, options: YamlOptions = {}): unknown {
  const counter = new LineCounter();
  let doc: Document;
  try {
    // Duplicate keys are found below, in one pass: yaml's own check compares every key with every other.
    doc = parseDocument(source, { lineCounter: counter, schema: 'core', uniqueKeys: false, prettyErrors: false, strict: true });
  } catch (error) {
    throw new InvalidLessonError(file, firstLine, `${what} could not be read: ${plainProblem(neutraliseLine(String((error as Error)?.message ?? error))).slice(0, 120)}`);
  }
  const lineOf = (offset: number): number => counter.linePos(offset).line + firstLine - 1;
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line ?? counter.linePos(problem.pos[0]).line;
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    if (problem.code === 'TAG_RESOLVE_FAILED') {
      throw new InvalidLessonError(file, line + firstLine - 1, `${what} uses a YAML tag: lessons hold plain data, remove the "!..." tag`);
    }
    throw new InvalidLessonError(file, line + firstLine - 1, `${what} is not valid YAML: ${plainProblem(neutraliseLine(message))}`);
  }
  // Any explicit tag (!!js/function, !ruby/object, !!binary...) is refused: lessons hold plain data.
  // Walked with a stack of its own, so that depth the parser accepted cannot overflow here.
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const n = node as { tag?: string; range?: [number, number]; items?: unknown[]; key?: unknown; value?: unknown };
    if (typeof n.tag === 'string' && n.range && !PLAIN_TAG.test(n.tag)) {
      throw new InvalidLessonError(file, lineOf(n.range[0]), `${what} uses a YAML tag: lessons hold plain data, remove the "!..." tag`);
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = `${typeof pair.key.value}:${String(pair.key.value)}`;
        if (seen.has(key) && options.onDuplicateKey) options.onDuplicateKey(neutraliseLine(String(pair.key.value)).slice(0, 40), lineOf(pair.key.range?.[0] ?? 0));
        else if (seen.has(key)) {
          throw new InvalidLessonError(file, lineOf(pair.key.range?.[0] ?? 0), `${what} is not valid YAML: Map keys must be unique ("${neutraliseLine(String(pair.key.value)).slice(0, 40)}" is there twice)`);
        }
        seen.add(key);
      }
    }
    if (Array.isArray(n.items)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    if ('value' in n) stack.push(n.value);
    if ('key' in n) stack.push(n.key);
  }
  try {
    return doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidLessonError(file, firstLine, `${what} could not be read: ${plainProblem(neutraliseLine(message)).slice(0, 120)}`);
  }
}

/** Front matter holds a title and a place in the course: a few lines. Beyond this it is not front matter but a mistake. */
const MAX_FRONT_MATTER = 64 * 1024;

export function parseFrontMatter(yamlText: string, file: string, yamlLine: number): FrontMatter {
  if (yamlText.trim() === '') return {};
  if (yamlText.length > MAX_FRONT_MATTER) {
    throw new InvalidLessonError(file, yamlLine, `front matter is ${Math.round(yamlText.length / 1024)} KB: it holds the title and place in the course; move the rest into the body`);
  }
  const duplicateKeys: Array<{ key: string; line: number }> = [];
  const data = parseYamlData(yamlText, file, yamlLine, 'front matter', { onDuplicateKey: (key, line) => duplicateKeys.push({ key, line }) });
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidLessonError(file, yamlLine, 'front matter must be "key: value" lines (it is a list or a single value)');
  }
  try {
    const known = readKnownKeys(data as Record<string, unknown>);
    if (duplicateKeys.length > 0) known.duplicateKeys = duplicateKeys;
    return known;
  } catch (error) {
    if (!(error instanceof BadKey)) throw error;
    const counter = new LineCounter();
    const line = keyLine(parseDocument(yamlText, { lineCounter: counter }), error.key, counter, yamlLine);
    throw new InvalidLessonError(file, line, `front matter "${error.key}": ${error.problem}`);
  }
}
