import { describe, expect, it } from 'vitest';
import { InvalidLessonError } from '../../src/core/errors.js';
import { stripJekyll } from '../../src/core/jekyll.js';
import { idFromPath, parseLesson } from '../../src/core/lesson.js';

const lesson = (text: string, relPath = '02-basics/01-intro.md') => parseLesson({ file: `lessons/${relPath}`, relPath, text });

describe('parseLesson', () => {
  it('reads the just-the-docs keys and ignores the rest', () => {
    const l = lesson('---\ntitle: "Intro"\nparent: Basics\ngrand_parent: Course\nnav_order: 3\nlayout: default\npermalink: /x/\n---\n# Intro\n\nText.\n');
    expect(l).toMatchObject({ title: 'Intro', parent: 'Basics', grandParent: 'Course', navOrder: 3, isModule: false, bodyLine: 9 });
  });

  it('takes an explicit id, else derives one from the path without ordering prefixes', () => {
    expect(lesson('---\ntitle: A\nid: my-id\n---\n').id).toBe('my-id');
    expect(lesson('---\ntitle: A\n---\n').id).toBe('basics/intro');
    expect(idFromPath('03-delivery/index.md')).toBe('delivery');
  });

  it('loads BOM, CRLF and mojibake as clean text', () => {
    const l = lesson('\ufeff---\r\ntitle: "Goals ðŸŽ¯"\r\n---\r\n# Goals\r\n\r\nThe teamâ€™s aim.\r\n');
    expect(l.title).toBe('Goals 🎯');
    expect(l.body).toContain('The team’s aim.');
    expect(l.body).not.toContain('\r');
  });

  it('falls back to the first heading for a title', () => {
    expect(lesson('---\nnav_order: 1\n---\n# From the heading\n').title).toBe('From the heading');
  });

  it.each([
    ['YAML that does not parse', '---\ntitle: [unclosed\n---\n', 2],
    ['JavaScript front matter', '---js\n{ title: "x" }\n---\n', 1],
    ['a custom tag', '---\ntitle: !!js/function "function(){}"\n---\n', 2],
    ['a list as front matter', '---\n- a\n- b\n---\n', 2],
    ['nav_order of the wrong type', '---\ntitle: A\nnav_order: [1]\n---\n', 3],
    ['no title at all', '---\nnav_order: 1\n---\nJust text.\n', 1],
    ['an empty file', '', 1],
    ['front matter that never ends', '---\ntitle: A\n', 1],
  ])('refuses %s with the file and line', (_what, text, line) => {
    let error: unknown;
    try {
      lesson(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidLessonError);
    expect((error as InvalidLessonError).line).toBe(line);
    expect((error as InvalidLessonError).message).toMatch(/^lessons\/02-basics\/01-intro\.md:\d+: /);
  });

  it('refuses an alias expansion bomb without expanding it', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'title: [*d,*d,*d,*d,*d,*d,*d,*d,*d]', '---', ''].join('\n');
    expect(() => lesson(bomb)).toThrow(InvalidLessonError);
  });
});

describe('stripJekyll', () => {
  it('removes Liquid, kramdown attributes and the trailing navigation block, keeping line numbers', () => {
    const body = [
      'Intro {{ site.title }} text.',
      '{% include note.html %}',
      '{: .note }',
      'Para.',
      '```',
      '{{ kept in code }}',
      '```',
      '',
      '---',
      '',
      '<div class="nav-buttons">',
      '  <a href="/prev/">Previous</a>',
      '</div>',
    ].join('\n');
    const out = stripJekyll(body);
    expect(out).not.toMatch(/site\.title|\{%|\{:|nav-buttons|<a /);
    expect(out).toContain('{{ kept in code }}');
    expect(out.split('\n').indexOf('Para.')).toBe(3);
  });
});
