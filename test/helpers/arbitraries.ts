// Random lessons for the property tests: Markdown, Jekyll, YAML and terminal
// controls mixed with plain words, and the checks every property makes.
import fc from 'fast-check';
import { PmGuideError } from '../../src/core/errors.js';

/** Anything a terminal acts on, once SGR styling is set aside (newlines are text). */
export const drives = (text: string): boolean => /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text.replace(/\u001b\[[0-9;]*m/g, ''));

/** Runs f; a throw must be one of ours. */
export function ours<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (error) {
    if (error instanceof PmGuideError) return undefined;
    throw error;
  }
}

// Pieces that Markdown, Jekyll, YAML and terminals treat specially, mixed with plain words.
export const nasty = fc.constantFrom(
  '\u001b', '\u001b[2J', '\u001b]0;t\u0007', '\u001b]52;c;eA==\u001b\\', '\u009b31m', '\u009d0;x', '\u202e', '\u2066', '\u0007', '\u0000', '\r', '\t', '\u0008',
  '&#x1b;', '&#27;[5m', '&#155;', '&#8238;', '&#0;', '&amp;', '&#x110000;',
  '*', '**', '_', '__', '~~', '`', '```', '~~~', '[', ']', '(', ')', '![', '](', '<', '>', '<!--', '-->', '<div>', '</div>', '<script>', '|', '\\',
  '{%', '%}', '{{', '}}', '{:', '{: .note }', '{% comment %}', '{% endcomment %}', '{% raw %}', '#', '---', ':', '- ', '1. ', '> ',
  'http://a.example/', 'www.b.example', 'a@b.example', '🎯', '👩‍👩‍👧', '漢字', 'é', 'ðŸŽ¯', 'â€™', '\ufeff',
);
const word = fc.oneof(fc.constantFrom('soil', 'Seed', 'rake', 'Compost', 'water', 'Spade', 'net', 'Harvest'), fc.string({ maxLength: 6 }), nasty);
const inline = fc.tuple(fc.array(word, { maxLength: 12 }), fc.constantFrom(' ', '', '  ')).map(([ws, gap]) => ws.join(gap));
const blockLine = fc.oneof(
  inline,
  inline.map((t) => `# ${t}`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) '), inline).map(([m, t]) => `${m}${t}`),
  fc.tuple(inline, inline).map(([a, b]) => `- **${a}**: ${b}`),
  fc.tuple(fc.constantFrom('Example', 'Outcome'), inline).map(([a, b]) => `  - **${a}**: ${b}`),
  fc.array(inline, { minLength: 1, maxLength: 5 }).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constantFrom('|---|---|', '| --- | :---: |', '```', '```quiz', '```js', '~~~', '---', '***', '', '', '>', '<div class="nav">', '</div>'),
  fc.tuple(fc.integer({ min: 0, max: 30 }), inline).map(([n, t]) => `${' '.repeat(n)}${t}`),
  fc.tuple(fc.integer({ min: 1, max: 40 }), inline).map(([n, t]) => `${'> '.repeat(n)}${t}`),
  fc.tuple(fc.integer({ min: 1, max: 40 }), inline).map(([n, t]) => `${'- '.repeat(n)}${t}`),
);
export const markdown = fc.array(blockLine, { maxLength: 40 }).map((lines) => lines.join('\n'));

const yamlScalar = fc.oneof(inline.map((s) => JSON.stringify(s)), inline, fc.integer().map(String), fc.constantFrom('true', 'no', '~', '.nan', '[a, b]', '{a: 1}', '&a x', '*a', '!!js/function "f"', '!tag x', '"\\e]0;x\\a"', '|', '>-'));
const plainWords = fc.array(fc.constantFrom('Soil', 'Seeds', 'Rakes', 'Compost', 'Water', 'Spades', 'Nets', 'Harvest', '🎯', 'é'), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const frontMatter = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.oneof(plainWords.map((t) => JSON.stringify(t)), yamlScalar),
        fc.array(fc.tuple(fc.constantFrom('id', 'parent', 'grand_parent', 'nav_order', 'has_children', 'layout', '__proto__', 'constructor', 'title'), yamlScalar), { maxLength: 4 }),
      )
      .map(([title, pairs]) => [`title: ${title}`, ...pairs.map(([k, v]) => `${k}: ${v}`)].join('\n')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: inline },
);
// Lessons shaped like the course's: sections of named duties with examples and outcomes, and tool tables.
const section = fc
  .tuple(plainWords, fc.array(fc.tuple(plainWords, inline, fc.option(inline)), { minLength: 1, maxLength: 5 }))
  .map(([heading, items]) =>
    [`## ${heading}`, ...items.flatMap(([name, text, example], i) => [`### ${i + 1}. ${name}`, '', text, '', `- **Example**: ${example ?? text}`, `- **Outcome**: ${text}`, ''])].join('\n'),
  );
const toolTable = fc
  .array(fc.tuple(plainWords, fc.array(plainWords, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 5 })
  .map((rows) => ['| Kind | Tools |', '|---|---|', ...rows.map(([kind, tools]) => `| ${kind} | ${tools.join(', ')} |`)].join('\n'));
export const structured = fc.array(fc.oneof({ weight: 3, arbitrary: markdown }, { weight: 3, arbitrary: section }, { weight: 1, arbitrary: toolTable }), { maxLength: 5 }).map((parts) => parts.join('\n\n'));
const quizBlock = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.tuple(plainWords, fc.uniqueArray(plainWords, { minLength: 2, maxLength: 5 })).map(([q, choices]) => `- question: ${q}?\n  choices: [${choices.join(', ')}]\n  answer: ${choices[0]}`) },
      { weight: 1, arbitrary: fc.tuple(plainWords, fc.boolean()).map(([q, a]) => `- question: ${q}\n  answer: ${a}`) },
      {
        weight: 2,
        arbitrary: fc
          .record({
            question: yamlScalar,
            choices: fc.option(fc.array(yamlScalar, { maxLength: 5 }).map((c) => `[${c.join(', ')}]`)),
            answer: yamlScalar,
            extra: fc.option(fc.tuple(fc.constantFrom('type', 'topic', 'accept', 'explanation', 'bogus'), yamlScalar)),
          })
          .map((q) => [`- question: ${q.question}`, ...(q.choices ? [`  choices: ${q.choices}`] : []), `  answer: ${q.answer}`, ...(q.extra ? [`  ${q.extra[0]}: ${q.extra[1]}`] : [])].join('\n')),
      },
    ),
    { maxLength: 4 },
  )
  .map((qs) => ['```quiz', ...qs, '```'].join('\n'));
const fence = fc.oneof({ weight: 10, arbitrary: fc.constant('---') }, { weight: 1, arbitrary: fc.constantFrom('---yaml', '--- ', '---js', '---JSON') });
const closer = fc.oneof({ weight: 10, arbitrary: fc.constant('---') }, { weight: 1, arbitrary: fc.constantFrom('...', '') });
export const lessonText = fc
  .tuple(fc.option(fc.tuple(fence, frontMatter, closer), { freq: 6 }), structured, fc.option(quizBlock, { freq: 2 }), fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'))
  .map(([fm, body, quiz, eol]) => {
    const text = `${fm ? `${fm[0]}\n${fm[1]}\n${fm[2]}\n` : ''}${body}${quiz ? `\n\n${quiz}\n` : ''}`;
    return text.replace(/\n/g, eol);
  });

export const runs = (n: number) => ({ numRuns: n, endOnFailure: true });
