// Lint says once per kind what markup is left out, and flags what damages a page.
import { describe, expect, it } from 'vitest';
import { markupFindings } from '../../src/core/lint-markup.js';

describe('markupFindings', () => {
  it('summarises each kind of left-out markup in one line, not one per line', () => {
    const text = ['---', 'title: A', '---', 'One {{ site.a }}.', 'Two {{ site.b }}.', 'Three {{ site.c }}.', '```', '{{ in code }}', '```'].join('\n');
    const found = markupFindings(text, 'a.md');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 4, severity: 'warning' });
    expect(found[0]!.message).toMatch(/3 places/);
  });

  it('reports an unclosed raw block and an unclosed fence as errors, a duplicate key as a warning', () => {
    const text = ['---', 'title: A', 'title: B', '---', '{% raw %}', 'text', '```js', 'code'].join('\n');
    const found = markupFindings(text, 'a.md');
    expect(found.map((f) => `${f.line} ${f.severity}`)).toEqual(['3 warning', '5 error', '7 error']);
  });
});
