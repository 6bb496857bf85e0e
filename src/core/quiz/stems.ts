// What a question says it asks for. A stem names the kind of answer it wants
// (a prioritisation framework, a lifecycle stage, a kind of PM) from the
// lesson's `item_kind`; without one, it says where the answer comes from
// ("a section of Roadmaps") rather than "which of these".
import type { Lesson } from '../lesson.js';
import { quote } from './choices.js';
import type { Item } from './types.js';

/** The noun a stem asks for: "prioritisation framework", "section of “Roadmaps”", "point under “Kano categories”". */
export function itemNoun(lesson: Pick<Lesson, 'title' | 'itemKind'>, item: Pick<Item, 'kind' | 'area'>, explainsTools = false): string {
  // A list that explains each kind of tool of the lesson's tool table ("**Analytics**: Collects events…").
  if (explainsTools) return 'kind of tool';
  if (item.kind === 'section') return lesson.itemKind ?? `section of ${quote(lesson.title)}`;
  return item.area !== undefined ? `point under ${quote(item.area)}` : `point of ${quote(lesson.title)}`;
}

export const describedStem = (noun: string, described: string): string => `Which ${noun} is described here?\n${quote(described)}`;

export const nameStem = (noun: string, described: string): string => `Name the ${noun} described here: ${quote(described)}`;

export const exampleStem = (noun: string, example: string): string => `${quote(example)}\nWhich ${noun} does this example show?`;

export const decisionStem = (kind: string, situation: string): string => `Situation: ${/[.!?]$/.test(situation) ? situation : `${situation}.`}\nWhich ${kind} fits best?`;

export const jobStem = (job: string): string => `A team needs to ${job}. Which kind of tool fits?`;

/** Typed answers are fair only when short: a longer one is asked as a choice. */
export const MAX_TYPED_WORDS = 3;
