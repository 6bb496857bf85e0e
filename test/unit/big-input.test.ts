// Purpose-made input stays fast: mojibake repair is linear in the text, and
// question generation for a whole course (what stats and lint do) grows no
// faster than n log n in the number of lessons. Bounds are generous (a slow
// machine passes); the code before the fix took 45 s for the mojibake and
// about four minutes for 500 lessons.
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/core/course.js';
import { parseLesson } from '../../src/core/lesson.js';
import { repairMojibake } from '../../src/core/mojibake.js';
import { quizBank } from '../../src/core/quiz/bank.js';

const seconds = (fn: () => void): number => {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
};

describe('mojibake repair', () => {
  it.each(['â€', 'â€™', 'ðŸŽ¯', 'Ã©'])('of 450 KB of repeated %s takes well under a second or two', (unit) => {
    const text = unit.repeat(Math.floor(450_000 / unit.length));
    expect(seconds(() => repairMojibake(text))).toBeLessThan(2);
  });
});

/** A lesson with two tool groups of its own (so it draws on the course pool) and four duties. */
function lessonText(i: number): string {
  const duties = ['Sowing', 'Weeding', 'Composting', 'Mending']
    .map((name, k) => `### ${k + 1}. ${name} ${i}\n\nA job that comes round every week ${i}.\n\n- **Example**: Doing it on day ${i}-${k}.\n- **Outcome**: A tidier plot ${i}-${k}.\n`)
    .join('\n');
  const tools = `| Category | Tools |\n|---|---|\n| Digging ${i % 50} | Spade ${i}, Fork ${i} |\n| Watering ${i % 30} | Hose ${i}, Can ${i} |\n`;
  return `---\ntitle: "Plot ${i}"\nid: p${i}\nnav_order: ${i + 1}\n---\n\n# Plot ${i}\n\n## Duties\n\n${duties}\n\n## Tools\n\n${tools}`;
}

function allQuestions(lessons: number): number {
  const course = buildCourse(Array.from({ length: lessons }, (_, i) => parseLesson({ file: `l${i}.md`, relPath: `l${i}.md`, text: lessonText(i) })));
  return quizBank(course).all().length;
}

describe('every question of a large course', () => {
  it('300 lessons in a few seconds, and four times the lessons in no more than eight times the time', () => {
    allQuestions(50); // Warm up.
    let small = 0;
    const t300 = seconds(() => (small = allQuestions(300)));
    expect(small).toBeGreaterThan(300 * 5);
    expect(t300).toBeLessThan(10);
    const t1200 = seconds(() => allQuestions(1200));
    expect(t1200 / Math.max(t300, 0.05)).toBeLessThan(10); // n log n: about 4.8; n²: 16.
  });
});
