// Front matter is YAML parsed as plain data: no JavaScript engines, no custom
// tags, no alias bombs. Known keys are validated; unknown ones are ignored.
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document } from 'yaml';
import { z } from 'zod';
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

// Built on first use: zod is loaded only when a lesson's front matter is actually parsed
// (a course read from the index cache never needs it).
function buildFrontMatterSchema() {
  const navOrder = z.union([
    z.number().finite(),
    z
      .string()
      .regex(/^\s*-?\d+(\.\d+)?\s*$/, 'expected a number')
      .transform(Number),
  ]);
  const text = z.union([z.string(), z.number().transform(String)]).transform((s) => neutraliseLine(s).trim());
  return z.object({
    title: text.pipe(z.string().min(1, 'must not be empty')).optional(),
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/, 'use letters, digits, "-", "_", "." and "/"')
      .optional(),
    parent: text.optional(),
    grand_parent: text.optional(),
    nav_order: navOrder.optional(),
    has_children: z.boolean().optional(),
  });
}
let schema: ReturnType<typeof buildFrontMatterSchema> | undefined;
export function frontMatterSchema(): ReturnType<typeof buildFrontMatterSchema> {
  return (schema ??= buildFrontMatterSchema());
}
export type FrontMatter = z.infer<ReturnType<typeof buildFrontMatterSchema>>;

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

/** Parses YAML text as plain data, throwing InvalidLessonError with the file's line. */
export function parseYamlData(source: string, file: string, firstLine: number, what: string): unknown {
  const counter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter: counter,
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line ?? counter.linePos(problem.pos[0]).line;
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    throw new InvalidLessonError(file, line + firstLine - 1, `${what} is not valid YAML: ${neutraliseLine(message)}`);
  }
  let tagged: number | undefined;
  const visit = (node: unknown): void => {
    // Any explicit tag (!!js/function, !ruby/object, !!binary...) is refused: lessons hold plain data.
    if (tagged !== undefined || node === null || typeof node !== 'object') return;
    const n = node as { tag?: string; range?: [number, number]; items?: unknown[]; key?: unknown; value?: unknown; srcToken?: unknown };
    if (typeof n.tag === 'string' && n.range && !/^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq)$/.test(n.tag)) {
      tagged = n.range[0];
      return;
    }
    if (Array.isArray(n.items)) n.items.forEach(visit);
    if ('key' in n) visit(n.key);
    if ('value' in n) visit(n.value);
  };
  visit(doc.contents);
  if (tagged !== undefined) {
    throw new InvalidLessonError(file, counter.linePos(tagged).line + firstLine - 1, `${what} uses a YAML tag: lessons hold plain data, remove the "!..." tag`);
  }
  try {
    return doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidLessonError(file, firstLine, `${what} could not be read: ${neutraliseLine(message).slice(0, 120)}`);
  }
}

/** Parses and validates front matter YAML into known keys. */
export function parseFrontMatter(yamlText: string, file: string, yamlLine: number): FrontMatter {
  if (yamlText.trim() === '') return {};
  const data = parseYamlData(yamlText, file, yamlLine, 'front matter');
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidLessonError(file, yamlLine, 'front matter must be "key: value" lines (it is a list or a single value)');
  }
  const parsed = frontMatterSchema().safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = issue.path[0];
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter });
  const line = keyLine(doc, key, counter, yamlLine);
  const expected = issue.code === 'invalid_type' || issue.code === 'invalid_union' ? describeExpected(String(key)) : issue.message;
  throw new InvalidLessonError(file, line, `front matter "${String(key)}": ${expected}`);
}

function describeExpected(key: string): string {
  switch (key) {
    case 'nav_order':
      return 'expected a number';
    case 'has_children':
      return 'expected true or false';
    default:
      return 'expected text';
  }
}
