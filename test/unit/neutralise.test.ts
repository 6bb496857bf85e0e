// Nothing a lesson holds may drive the terminal: the pure pieces that make sure,
// and the renderer that must keep pm-guide's own styling while dropping the rest.
import { afterEach, describe, expect, it } from 'vitest';
import { neutraliseEntities, neutraliseLine, neutraliseTerminal, onlyOwnStyling } from '../../src/core/text.js';
import { parseLesson } from '../../src/core/lesson.js';
import { parseQuizBlock } from '../../src/core/quiz/authored.js';
import { prepareMarkdown, renderMarkdown } from '../../src/ui/render.js';
import { stripAnsi } from '../../src/ui/ansi.js';
import { applyColorLevel } from '../../src/ui/theme.js';

const ESC = '\u001b';
/** Anything a terminal would act on: ESC, other C0 controls but newline, DEL, C1, bidi overrides and isolates. */
const DRIVES_TERMINAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Escape sequences other than SGR styling (colour, bold), the only kind pm-guide emits itself. */
const NOT_STYLING = (text: string): boolean => DRIVES_TERMINAL.test(text.replace(/\u001b\[[0-9;]*m/g, ''));

afterEach(() => applyColorLevel(0));

describe('neutraliseTerminal', () => {
  it.each([
    ['OSC 52 clipboard write ended by BEL', `a${ESC}]52;c;ZXZpbA==\u0007b`, 'ab'],
    ['OSC 52 clipboard write ended by ST', `a${ESC}]52;c;ZXZpbA==${ESC}\\b`, 'ab'],
    ['window title', `a${ESC}]2;owned${ESC}\\b`, 'ab'],
    ['OSC 8 hyperlink', `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['cursor moves', `a${ESC}[10;10H${ESC}[3A${ESC}[2Kb`, 'ab'],
    ['screen clear', `a${ESC}[2J${ESC}[3Jb`, 'ab'],
    ['cursor hidden for good', `a${ESC}[?25lb`, 'ab'],
    ['alternate screen', `a${ESC}[?1049hb`, 'ab'],
    ['bell', 'a\u0007b', 'ab'],
    ['backspace over text', 'good\u0008\u0008\u0008\u0008evil', 'goodevil'],
    ['carriage return overwrite', 'safe\rEVIL', 'safeEVIL'],
    ['NUL and DEL', 'a\u0000b\u007fc', 'abc'],
    ['charset switch to line drawing', `a${ESC}(0b`, 'ab'],
    ['device control string', `a${ESC}P+q544e${ESC}\\b`, 'ab'],
    ['C1 CSI', 'a\u009b2Jb', 'ab'],
    ['C1 OSC with payload', 'a\u009d0;title\u009cb', 'ab'],
    ['C1 single controls', 'a\u0085\u008d\u0091\u009ab', 'ab'],
    ['bidi overrides (Trojan Source)', 'a\u202eb\u202dc\u202ad\u202be\u202cf', 'abcdef'],
    ['bidi isolates', 'a\u2066b\u2067c\u2068d\u2069e', 'abcde'],
    ['an ESC at the very end', `text${ESC}`, 'text'],
  ])('removes %s', (_name, input, expected) => {
    expect(neutraliseTerminal(input)).toBe(expected);
  });

  it('ends an unterminated title sequence at the end of its line, so the rest of the lesson survives', () => {
    expect(neutraliseTerminal(`one${ESC}]0;never closed\ntwo\nthree`)).toBe('one\ntwo\nthree');
  });

  it('keeps text, newlines, accents, CJK and emoji with their joiners; tabs become spaces', () => {
    expect(neutraliseTerminal('café 漢字 👩‍👩‍👧 🇬🇧\n\tnext')).toBe('café 漢字 👩‍👩‍👧 🇬🇧\n    next');
  });

  it('puts a title on one line', () => {
    expect(neutraliseLine(`a\nb\r\nc${ESC}[2J`)).toBe('a b c');
  });

  it('takes linear time on a long run of sequence starts', () => {
    const start = Date.now();
    neutraliseTerminal(`${ESC}]`.repeat(200_000));
    neutraliseTerminal(`${ESC}[`.repeat(200_000));
    neutraliseTerminal('\u009d'.repeat(200_000));
    expect(Date.now() - start).toBeLessThan(5_000);
  });
});

describe('neutraliseEntities', () => {
  it.each([
    ['decimal ESC', 'a&#27;]0;x&#7;b', 'a]0;xb'],
    ['hex ESC, either case', 'a&#x1b;[2J&#X1B;[Hb', 'a[2J[Hb'],
    ['zero-padded', 'a&#x00001b;b&#0000027;c', 'abc'],
    ['C1 CSI', 'a&#x9b;31mb', 'a31mb'],
    ['bidi override', 'a&#8238;b&#x202E;c', 'abc'],
    ['carriage return and tab', 'safe&#13;evil&#9;!', 'safeevil!'],
    ['NUL and out-of-range code points', 'a&#0;b&#x110000;c&#99999999999;d', 'abcd'],
    ['lone surrogates', 'a&#xD800;b', 'ab'],
  ])('removes references to %s', (_name, input, expected) => {
    expect(neutraliseEntities(input)).toBe(expected);
  });

  it('keeps references to ordinary characters', () => {
    expect(neutraliseEntities('&#169; &#x263A; &amp; &#10; &#x41;')).toBe('&#169; &#x263A; &amp; &#10; &#x41;');
  });
});

describe('onlyOwnStyling', () => {
  it('keeps SGR colour and bold, removes every other sequence and control', () => {
    const styled = `${ESC}[1m${ESC}[35mTitle${ESC}[39m${ESC}[22m`;
    expect(onlyOwnStyling(`${styled}${ESC}]0;x\u0007${ESC}[2J\u009b1m\u202e!`)).toBe(`${styled}!`);
  });
});

// A lesson that tries everything, in every place the renderer reads.
const hostile = [
  '---',
  'title: "Calm \\e]0;owned\\a\\e[2JTitle \\x9b2J\\u202e"',
  '---',
  `# Heading ${ESC}]52;c;ZXZpbA==\u0007&#x1b;]0;x&#x7;`,
  '',
  `A paragraph with &#27;[2J, &#x9b;31m, &#8238;, ${ESC}[5m and a bell\u0007.`,
  '',
  '- item &#x1b;[31m with **bold &#x1b;[8m** text',
  '  1. nested &#x1b;]0;title&#x1b;\\',
  '',
  '> quoted &#x1b;[?1049h',
  '',
  '| head &#x1b;[1m | more |',
  '|---|---|',
  '| cell &#x1b;[2J | &#x9d;0;x&#x9c; |',
  '',
  '[link &#x1b;[5m](https://example.com/&#x1b;[5m "title &#x1b;[5m")',
  '',
  '![alt &#x1b;[3m](img&#x1b;.png)',
  '',
  '<span>html &#x1b;[7m</span> &#x1b;[7m',
  '',
  '`code &#x1b;[7m`',
  '',
  '```',
  `fenced ${ESC}[31m &#x1b;[7m`,
  '```',
].join('\n');

describe('rendering a hostile lesson', () => {
  it.each([false, true])('never lets lesson content drive the terminal (colour %s)', async (color) => {
    applyColorLevel(color ? 1 : 0);
    const lesson = parseLesson({ file: 'hostile.md', relPath: 'hostile.md', text: hostile });
    expect(lesson.title).toBe('Calm Title');
    const out = await renderMarkdown(prepareMarkdown(lesson.body, lesson.title), { width: 60, color });
    expect(NOT_STYLING(out)).toBe(false);
    if (!color) expect(out).not.toContain(ESC);
    else expect(out).toContain(`${ESC}[`); // pm-guide's own styling still works
    const text = stripAnsi(out);
    for (const words of ['Heading', 'A paragraph with', 'item', 'nested', 'quoted', 'head', 'cell', 'link', 'alt', 'html', 'code', 'fenced']) {
      expect(text).toContain(words);
    }
  });

  it('shows the real target of a link whose text is another address', async () => {
    for (const md of ['[https://good.example](https://evil.example)', '[good.example](https://evil.example/login)', '[www.good.example/login](http://evil.example)']) {
      const out = await renderMarkdown(md, { width: 80, color: false });
      expect(out).toContain('evil.example');
      expect(out).not.toContain('good.example');
    }
  });

  it('keeps the text of an ordinary link, followed by its target', async () => {
    const out = await renderMarkdown('[the style guide](https://example.com/style)', { width: 80, color: false });
    expect(out).toContain('the style guide');
    expect(out).toContain('https://example.com/style');
  });
});

describe('quiz questions from YAML escapes', () => {
  it('arrive neutralised in the question, the choices and the explanation', () => {
    const yaml = [
      '- question: "Which \\e]0;owned\\a one?\\u202e"',
      '  choices: ["Right \\e[2J", "Wrong \\x9b31m"]',
      '  answer: "Right \\e[2J"',
      '  explanation: "Because \\e]52;c;ZXZpbA==\\a."',
    ].join('\n');
    const [q] = parseQuizBlock(yaml, 10, 'l.md', 'l');
    const all = [q!.prompt, ...q!.choices, String(q!.answer), q!.explanation ?? ''].join('\n');
    expect(DRIVES_TERMINAL.test(all.replace(/\n/g, ''))).toBe(false);
    expect(q!.choices).toContain('Right');
  });
});
