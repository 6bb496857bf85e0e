// Lessons agree with the company fact sheets in docs/facts/*.md.
// A sheet's table `| Fact | Value | Key phrase |` lists the figures a lesson may
// state. Every lesson sentence (quiz blocks included) that contains a key
// phrase and a numeral must use only numerals from the Value of a row whose
// key phrase it contains. Years (1900-2099) are ignored; numbers written as
// words are not checked.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

interface Fact {
  phrases: string[];
  numbers: string[];
  sheet: string;
}

/** Every numeral in a piece of text, commas dropped ("2,000" -> "2000"). */
function numerals(text: string): string[] {
  const found = text.match(/(?<![\w.])\d[\d,]*(?:\.\d+)?(?!\w)/g) ?? [];
  return found
    .map((n) => n.replace(/,(?=\d{3})/g, '').replace(/,$/, ''))
    .filter((n) => !/^(19|20)\d\d$/.test(n));
}

function readFacts(): Fact[] {
  const dir = join(root, 'docs', 'facts');
  const facts: Fact[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const cells = (line: string) => line.split('|').slice(1, -1).map((c) => c.trim());
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    const header = lines.findIndex((l) => /^\|\s*Fact\s*\|\s*Value\s*\|\s*Key phrase\s*\|/.test(l));
    if (header < 0) continue;
    for (const line of lines.slice(header + 2)) {
      if (!line.startsWith('|')) break;
      const [, value = '', phrase = ''] = cells(line);
      facts.push({
        phrases: phrase.split(';').map((p) => p.trim()).filter(Boolean),
        numbers: numerals(value),
        sheet: name,
      });
    }
  }
  return facts;
}

function lessonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? lessonFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

/**
 * The sentences of a Markdown file, each with the line it starts on. A new
 * unit starts at a blank line, a heading, a list item, a table row, a fence
 * or a YAML key; inside a unit, sentences end at . ! or ? before a space.
 */
function sentences(text: string): { line: number; text: string }[] {
  const units: { line: number; text: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    const starts = raw.trim() === '' || /^\s*(#|[-*]\s|\d+\.\s|\||```|[\w-]+:(\s|$))/.test(raw);
    if (starts || units.length === 0) units.push({ line: i + 1, text: raw });
    else units[units.length - 1]!.text += '\n' + raw;
  });
  return units.flatMap((u) => {
    const out: { line: number; text: string }[] = [];
    let offset = 0;
    for (const part of u.text.split(/(?<=[.!?]["')]?)\s+/)) {
      const at = u.text.indexOf(part, offset);
      offset = at + part.length;
      const line = u.line + (u.text.slice(0, at).match(/\n/g) ?? []).length;
      out.push({ line, text: part.replace(/\s+/g, ' ').trim() });
    }
    return out;
  });
}

describe('lessons agree with docs/facts', () => {
  const facts = readFacts();

  it('has fact sheets with key phrases', () => {
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts) expect(f.phrases.length, `a row in ${f.sheet} has no key phrase`).toBeGreaterThan(0);
  });

  it('every figure stated with a key phrase is one the sheet allows', () => {
    const problems: string[] = [];
    for (const file of lessonFiles(join(root, 'lessons'))) {
      for (const s of sentences(readFileSync(file, 'utf8'))) {
        const lower = s.text.toLowerCase();
        const matched = facts.filter((f) => f.phrases.some((p) => lower.includes(p)));
        if (matched.length === 0) continue;
        const allowed = new Set(matched.flatMap((f) => f.numbers));
        const wrong = numerals(s.text).filter((n) => !allowed.has(n));
        if (wrong.length > 0) {
          const phrases = [...new Set(matched.map((f) => f.phrases.join('; ')))].join(' | ');
          problems.push(
            `${relative(root, file)}:${s.line}: ${wrong.join(', ')} not allowed with "${phrases}" ` +
              `(allowed: ${[...allowed].join(', ')})\n    ${s.text}`,
          );
        }
      }
    }
    expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
  });
});
