// Full-text search over the course: titles, headings and body text, ranked,
// tolerant of small typos, with the line that matches best and where in it.
// Pure: the command hands in the lessons and prints what comes back.
//
// Ranking, in order: lessons that match more of the query's words first; then
// by score, where a word in the title counts most, then in a heading, then in
// the body (with a little more for repeated use); then course order.
// Typos: a query word that matches nothing in the course, exactly or as the
// start of a word, is matched to words within one or two edits of it (so
// "raodmap" finds "roadmap"), and the correction is reported. A word the
// course knows is never fuzzed: "tool" does not also match "cool".
import type { LineKind, SearchDoc, SearchLine } from './search-doc.js';
import { editDistance, fold } from './text.js';

export { searchDocFromLesson, type LineKind, type SearchDoc, type SearchLine } from './search-doc.js';

export interface SearchMatch extends SearchLine {
  /** [start, end) character ranges of the matching words in `text`. */
  spans: Array<[number, number]>;
}

export interface SearchHit {
  id: string;
  number: string;
  title: string;
  file: string;
  score: number;
  /** Query words this lesson matches (after stop words are dropped). */
  matched: string[];
  match: SearchMatch;
}

export interface SearchResult {
  /** The query words searched for (lower case, stop words dropped). */
  terms: string[];
  /** Query words the course does not hold, mapped to the words they were read as. */
  corrections: Record<string, string[]>;
  hits: SearchHit[];
}

const WEIGHT: Record<LineKind, number> = { title: 8, heading: 4, body: 1.5 };
const STOP_WORDS = new Set(
  'a an and are as at be by do does for from how i in is it its of on or the to what when where which who why with'.split(' '),
);
const WORD = /[\p{L}\p{N}]+/gu;

/** A light stem, enough for plurals: "roadmaps" and "roadmap", "stories" and "story". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** Edits a query word may be off by: none for short words, where a typo is another word. */
function allowedEdits(term: string): number {
  if (term.length >= 7) return 2;
  if (term.length >= 4) return 1;
  return 0;
}

/** The words of a query, folded, stop words dropped unless nothing else is left. */
export function queryTerms(query: string): string[] {
  const words = [...new Set((query.match(WORD) ?? []).map(fold))];
  const content = words.filter((w) => !STOP_WORDS.has(w));
  return content.length > 0 ? content : words;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: fold(m[0]), start: m.index, end: m.index + m[0].length }));
}

// ---------------------------------------------------------------------------
// Matching and ranking

/** How well a query word matches a word of the text: 1 exact (or same stem), 0.8 the start of it, less for typos. */
type Matcher = (word: string) => number;

/** `prefixes`: whether the term may be the start of a longer word; not when the course uses it as a word of its own ("star" is not "start"). */
function exactMatcher(term: string, prefixes = true): Matcher {
  const s = stem(term);
  return (word) => {
    if (word === term || stem(word) === s) return 1;
    if (prefixes && term.length >= 3 && word.startsWith(term)) return 0.8;
    return 0;
  };
}

function fuzzyMatcher(term: string): Matcher {
  const max = allowedEdits(term);
  const s = stem(term);
  return (word) => {
    if (max === 0) return 0;
    const d = Math.min(editDistance(term, word, max), editDistance(s, stem(word), max));
    return d <= max ? 0.65 - 0.15 * (d - 1) : 0;
  };
}

interface Prepared {
  doc: SearchDoc;
  lineTokens: Token[][];
}

export function search(docs: readonly SearchDoc[], query: string, options: { limit?: number } = {}): SearchResult {
  const terms = queryTerms(query);
  const corrections: Record<string, string[]> = {};
  if (terms.length === 0) return { terms, corrections, hits: [] };
  const prepared: Prepared[] = docs.map((doc) => ({ doc, lineTokens: doc.lines.map((l) => tokens(l.text)) }));
  const vocabulary = new Set(prepared.flatMap((p) => p.lineTokens.flat().map((t) => t.word)));

  // Each word's matcher, with results cached over the vocabulary.
  const matchers = terms.map((term) => {
    const whole = exactMatcher(term, false);
    const exact = [...vocabulary].some((w) => whole(w) > 0) ? whole : exactMatcher(term);
    const known = [...vocabulary].some((w) => exact(w) > 0);
    const base = known ? exact : fuzzyMatcher(term);
    const cache = new Map<string, number>();
    const match: Matcher = (word) => {
      let q = cache.get(word);
      if (q === undefined) cache.set(word, (q = base(word)));
      return q;
    };
    if (!known) {
      const close = [...vocabulary].filter((w) => match(w) > 0).sort((a, b) => match(b) - match(a) || a.localeCompare(b));
      if (close.length > 0) corrections[term] = close.slice(0, 3);
    }
    return match;
  });

  const hits: Array<SearchHit & { order: number }> = [];
  prepared.forEach(({ doc, lineTokens }, order) => {
    let score = 0;
    const matched: string[] = [];
    terms.forEach((term, t) => {
      const match = matchers[t]!;
      let best = 0;
      let bodyUses = 0;
      doc.lines.forEach((line, i) => {
        for (const token of lineTokens[i]!) {
          const q = match(token.word);
          if (q === 0) continue;
          best = Math.max(best, q * WEIGHT[line.kind]);
          if (line.kind === 'body') bodyUses += q;
        }
      });
      if (best === 0) return;
      matched.push(term);
      score += best + 0.5 * Math.log2(1 + bodyUses);
    });
    if (matched.length === 0) return;
    const match = bestLine(doc, lineTokens, matchers);
    // A line that holds every word of a longer query is worth more than words scattered about.
    if (terms.length > 1 && match.terms === terms.length) score += 2;
    hits.push({ id: doc.id, number: doc.number, title: doc.title, file: doc.file, score: round(score), matched, match: match.match, order });
  });

  hits.sort((a, b) => b.matched.length - a.matched.length || b.score - a.score || a.order - b.order);
  return { terms, corrections, hits: hits.slice(0, options.limit ?? hits.length).map(({ order: _order, ...hit }) => hit) };
}

function bestLine(doc: SearchDoc, lineTokens: Token[][], matchers: Matcher[]): { match: SearchMatch; terms: number } {
  let best: { match: SearchMatch; terms: number; score: number } | undefined;
  doc.lines.forEach((line, i) => {
    const spans: Array<[number, number]> = [];
    let terms = 0;
    let quality = 0;
    matchers.forEach((match) => {
      let termBest = 0;
      for (const token of lineTokens[i]!) {
        const q = match(token.word);
        if (q === 0) continue;
        termBest = Math.max(termBest, q);
        if (!spans.some(([s]) => s === token.start)) spans.push([token.start, token.end]);
      }
      if (termBest > 0) terms += 1;
      quality += termBest;
    });
    if (terms === 0) return;
    // Lines that hold more of the query win; then better matches; then headings over prose.
    const score = terms * 100 + quality * 10 + WEIGHT[line.kind];
    if (!best || score > best.score) best = { match: { ...line, spans: spans.sort((a, b) => a[0] - b[0]) }, terms, score };
  });
  return best ?? { match: { ...doc.lines[0]!, spans: [] }, terms: 0 };
}

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * A window of a long line around its first match, at most `max` characters,
 * cut at word boundaries with an ellipsis, spans shifted to match.
 */
export function excerpt(match: Pick<SearchMatch, 'text' | 'spans'>, max: number): { text: string; spans: Array<[number, number]> } {
  const { text, spans } = match;
  if (text.length <= max) return { text, spans };
  const first = spans[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(max / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space > first ? start : space + 1;
  }
  let end = Math.min(text.length, start + max - (start > 0 ? 2 : 1));
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first && space > start) end = space;
  }
  const lead = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = lead.length - start;
  return {
    text: `${lead}${text.slice(start, end)}${tail}`,
    spans: spans.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift] as [number, number]),
  };
}
