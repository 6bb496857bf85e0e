// The zod schema of the progress file's compact layout (format 2; see
// progress-codec.ts), built on first use because it loads zod: a valid file is
// read by decodeCompact, and zod is asked only about a file that reader does not
// accept, to say what is wrong with it.
import { z } from 'zod';
import { unpackHistory } from './packed-history.js';
import { PROGRESS_VERSION, READABLE_VERSION, TOPICS, dict, dictOf, progressSchemas, type ItemProgress, type Progress } from './progress-schema.js';

type History = ItemProgress['history'];

function buildCompactSchema() {
  const { lessonProgress } = progressSchemas();
  const count = z.number().int().nonnegative();
  const history = z.union([
    z.string().transform((text, ctx): History => {
      const unpacked = unpackHistory(text);
      if (!unpacked) ctx.addIssue({ code: 'custom', message: 'expected packed answers' });
      return unpacked ?? [];
    }),
    z.array(z.tuple([z.number(), z.union([z.literal(0), z.literal(1)])])).max(1000),
  ]);
  const item = z.tuple([
    count,
    count.max(TOPICS.length - 1),
    z.number(),
    z.number().nonnegative(),
    z.number(),
    count,
    count,
    count.max(3),
    count,
    z.number(),
    history,
    count,
    count,
  ]);
  return z
    .object({
      version: z.literal(PROGRESS_VERSION),
      current: z.string().optional(),
      lessons: dictOf(lessonProgress),
      lessonIds: z.array(z.string()),
      items: dictOf(item),
      days: dictOf(count).optional().transform((d) => d ?? dict<number>()),
    })
    .transform((data, ctx): Progress => {
      const items = dict<ItemProgress>();
      for (const id of Object.keys(data.items)) {
        const [lessonAt, topicAt, due, stability, difficulty, reps, lapses, state, learningSteps, last, history, seen, right] = data.items[id]!;
        if (lessonAt >= data.lessonIds.length) {
          ctx.addIssue({ code: 'custom', message: 'lesson index outside lessonIds', path: ['items', id, 0] });
          return z.NEVER;
        }
        items[id] = { lesson: data.lessonIds[lessonAt]!, topic: TOPICS[topicAt]!, due, stability, difficulty, reps, lapses, state, learningSteps, last, history, seen, right };
      }
      const out: Progress = { version: READABLE_VERSION } as Progress;
      if (data.current !== undefined) out.current = data.current;
      out.lessons = data.lessons;
      out.items = items;
      out.days = data.days;
      return out;
    });
}
let compactSchema: ReturnType<typeof buildCompactSchema> | undefined;
/** The zod schema of format 2 (loads zod). */
export function compactProgressSchema(): ReturnType<typeof buildCompactSchema> {
  return (compactSchema ??= buildCompactSchema());
}
