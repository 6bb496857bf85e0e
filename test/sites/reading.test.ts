// Pages read as Jekyll and kramdown would show them, on a fixture site written
// for these tests (test/fixtures/sites/shed): no raw Liquid, kramdown or HTML
// left, code never wrapped, tables within the width, nothing on stderr.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { kramdownToMarkdown } from '../../src/core/kramdown.js';
import { resolveLiquid } from '../../src/core/liquid.js';
import { stripJekyll } from '../../src/core/jekyll.js';
import { runIn } from '../helpers/in-process.js';
import { fixturesDir, tempDir } from '../helpers/run.js';

const shed = join(fixturesDir, 'sites', 'shed');

async function read(page: string, columns: number, color = false) {
  const home = tempDir();
  return runIn(['--lessons', shed, 'read', page, '--no-pager', color ? '--color' : '--no-color'], { env: { HOME: home, COLUMNS: String(columns) } });
}

describe('a kramdown page, read', () => {
  it('leaves no raw Liquid, kramdown or HTML, and keeps prose and code apart', async () => {
    const r = await read('tools', 60);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out.split('\n').filter((l) => !l.startsWith('│')).join('\n')).not.toMatch(/\{%|\{:|\{#|<div|<\/div>|<img|\[\^care\]|1\. TOC|\[shop\]/);
    // The heading inside the markdown="1" block is a heading, and the fence after </div> is code.
    expect(out).toMatch(/\nWhetstone steps\n\nSoak the stone first\.\n/);
    expect(out).toMatch(/\n│ grit: 1000 # fine enough/);
    // raw keeps its Liquid as written, in the code block; comment goes; link and include are shown.
    expect(out).toContain('│ {% include shed/rack.html %}');
    expect(out).not.toContain('A note to myself');
    expect(out).toContain('the rack page <docs/rack.md>');
    expect(out).toContain('[included: shed/footer.html]');
    expect(out).toMatch(/│ def sharpen\(blade\)\n│   blade\.hone\n│ end/);
  });

  it('labels callouts with the site’s own titles', async () => {
    const out = (await read('tools', 60)).stdout;
    expect(out).toContain('Handy hint: Oil the hinge every spring.');
    expect(out).toMatch(/Watch out: Keep blades covered\.\n\s*\n\s*Children visit the shed\./);
  });

  it('renders reference links, footnotes, definition and task lists, images, math and the TOC', async () => {
    const out = (await read('tools', 60)).stdout;
    expect(out).toMatch(/the hardware shop\s+<https:\/\/hardware\.example\.org\/spades>/);
    expect(out).toContain('A spade lasts decades.[1]');
    expect(out).toMatch(/-{20,}\n\n\[1\] If it is dried after use\.\n/);
    expect(out).toContain('Mattock\nA digging tool with a wide blade.');
    expect(out).toMatch(/\* \[ \] Sweep the floor\n\s+\* \[x\] Hang the rake/);
    expect(out).toContain('[image: A rake on two hooks]');
    expect(out).toContain('\\{W\\}_{rake}');
    expect(out).toMatch(/Contents\n\n\s+\* Sharpening\n\s+\* Whetstone steps/);
  });

  it('never wraps code or splits an address; cuts a long code line with …', async () => {
    const out = (await read('tools', 60)).stdout;
    expect(out).toMatch(/│ grit: 1000 # fine enough for a chisel, and this comment i…\n/);
    expect(out).toContain('https://hardware.example.org/catalogue/garden/hand-tools/spades-and-forks/stainless-steel');
    for (const line of out.split('\n')) if (!line.includes('https://')) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('fits a wide table to the width, or lists its rows as records', async () => {
    for (const columns of [80, 60, 30]) {
      const out = (await read('table', columns)).stdout;
      for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(Math.min(columns, 100));
      expect(out).toContain('Spade');
      expect(out).not.toContain('|---');
    }
    expect((await read('table', 30)).stdout).toMatch(/• Tool: Spade\n\s+What it is for: Turning/);
  });

  it('writes nothing on stderr in colour', async () => {
    for (const page of ['tools', 'table']) expect((await read(page, 80, true)).stderr).toBe('');
  });
});

describe('the pieces', () => {
  it('resolves raw even when it sits on a fence line', () => {
    const text = ['```python{% raw %}', 'x = "{{ y }}"', '{% endraw %}```', 'after'].join('\n');
    expect(resolveLiquid(text)).toBe(['```python', 'x = "{{ y }}"', '```', 'after'].join('\n'));
  });

  it('keeps the line count through Liquid and kramdown marks', () => {
    const body = ['{% comment %}', 'hidden', '{% endcomment %}', '## Head {#id}', '', '{: .tip }', 'Para.', '{% for x in site.pages %}', '<tr>{{ x }}</tr>', '{% endfor %}'].join('\n');
    const out = stripJekyll(body);
    expect(out.split('\n')).toHaveLength(10);
    expect(out.split('\n')[3]).toBe('## Head');
    expect(out.split('\n')[6]).toBe('> **Tip:** Para.');
    expect(out).not.toContain('<tr>');
  });

  it('turns a fence right after a closing tag into code', () => {
    expect(kramdownToMarkdown('<div>\ntext\n</div>\n```\ncode\n```')).toBe('\ntext\n\n```\ncode\n```');
  });
});
