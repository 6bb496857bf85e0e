// pm-guide search TERMS: full-text search over the course's titles, headings
// and prose, ranked, typo-tolerant, with the line that matches.
import { search, searchDocFromLesson, type SearchDoc, type SearchResult } from '../core/search.js';
import { UsageError } from '../core/errors.js';
import type { Course } from '../core/course.js';
import { loadCourse } from '../io/load-course.js';
import { formatSearch } from '../ui/search-view.js';
import { print, terminalWidth, type Context } from '../context.js';
import { jsonText } from '../ui/json-text.js';

export interface SearchOptions {
  terms: string[];
  json: boolean;
  limit?: number | undefined;
}

export const DEFAULT_LIMIT = 10;

const docsCache = new WeakMap<Course, SearchDoc[]>();

/** The course as search documents, made once per loaded course. */
export function courseDocs(course: Course): SearchDoc[] {
  let docs = docsCache.get(course);
  if (!docs) {
    docs = course.ordered.map((n) => searchDocFromLesson(n.lesson, n.number));
    docsCache.set(course, docs);
  }
  return docs;
}

export function searchCourse(course: Course, query: string, limit = DEFAULT_LIMIT): SearchResult {
  return search(courseDocs(course), query, { limit });
}

export async function runSearch(ctx: Context, options: SearchOptions): Promise<void> {
  const query = options.terms.join(' ');
  if (query.trim() === '') throw new UsageError('search needs a word to look for', 'run pm-guide search roadmap, for example');
  const { course } = loadCourse(ctx.paths.lessonsDir);
  const result = searchCourse(course, query, options.limit ?? DEFAULT_LIMIT);
  if (options.json) {
    const results = result.hits.map((hit, i) => ({
      rank: i + 1,
      number: hit.number,
      id: hit.id,
      title: hit.title,
      file: hit.file,
      score: hit.score,
      matched: hit.matched,
      line: hit.match.line,
      kind: hit.match.kind,
      text: hit.match.text,
      spans: hit.match.spans,
    }));
    print(ctx, jsonText({ query, terms: result.terms, corrections: result.corrections, results }, 2));
    return;
  }
  print(ctx, formatSearch(result, query, terminalWidth(ctx)));
}
