import { describe, expect, it } from 'vitest';
import { applyColorLevel } from '../../src/ui/theme.js';
import { prepareMarkdown, renderMarkdown } from '../../src/ui/render.js';
import { stripAnsi } from '../../src/ui/ansi.js';

const plain = (md: string, width = 60) => renderMarkdown(md, { width, color: false });

describe('renderMarkdown', () => {
  it('styles bold labels inside list items instead of leaving asterisks', async () => {
    applyColorLevel(1);
    const out = await renderMarkdown('- **Roadmapping**: keep the plan current.\n', { width: 60, color: true });
    expect(out).toContain('\u001b[1mRoadmapping');
    expect(stripAnsi(out)).not.toContain('**');
    applyColorLevel(0);
  });

  it('has no escape codes at all when colour is off', async () => {
    const out = await plain('# Title\n\n- **Bold** and `code` in a [link](https://example.com)\n\n| A | B |\n|---|---|\n| 1 | 2 |\n');
    expect(out).not.toContain('\u001b');
  });

  it('shows where a link really goes', async () => {
    const out = await plain('[https://good.example](https://evil.example)\n');
    expect(out).toContain('https://evil.example');
  });

  it('keeps a wrapped list item under its own text, within the width', async () => {
    const out = await plain('1. A first item whose text is long enough\n   that the source wraps it, and the screen must wrap it again nicely.\n', 40);
    const lines = out.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines.slice(1).every((l) => l.startsWith('     '))).toBe(true);
  });

  it('reduces HTML to its text and hides quiz blocks', async () => {
    const md = prepareMarkdown('Intro.\n\n<span class="x">Kept words</span>\n\n```quiz\n- question: Hidden?\n  answer: true\n```\n', 'T');
    const out = await plain(md);
    expect(out).toContain('Kept words');
    expect(out).not.toMatch(/<span|Hidden\?/);
    expect(out.startsWith('T')).toBe(true);
  });
});
