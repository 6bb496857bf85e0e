// The quiz's model: what a lesson's structure holds, and the questions made from it.
import type { Topic } from '../progress.js';
import type { Lesson } from '../lesson.js';

export type QuestionKind = 'single' | 'multiple' | 'text' | 'boolean';

export interface Question {
  /** Stable id from the question's content: unrelated edits to a lesson keep its history. */
  id: string;
  lessonId: string;
  topic: Topic;
  kind: QuestionKind;
  prompt: string;
  /** Choices for single and multiple; ["True", "False"] for boolean; [] for text. */
  choices: string[];
  /** The right answer(s): one choice, several choices, "True"/"False", or the expected text. */
  answer: string | string[];
  /** Other typed answers that count as right (text questions). */
  accept: string[];
  explanation: string;
  /** The lesson line the answer comes from (1-based, in the file), and its text. */
  source: { line: number; text: string };
  /** Questions about the same fact share this: a quiz asks at most one of them. */
  fact: string;
  /** The heading of the section that answers the question, when its author named one (quiz block `source:`). */
  section?: string;
  /** A brand-to-kind question ("What kind of tool is Jira?"): recall of an example, which a quiz asks sparingly. */
  brand?: boolean;
}

/** A responsibility (or any named concept): a `###` section or a bold-label bullet. */
export interface Item {
  name: string;
  description: string;
  /** The heading the item sits under: its area. */
  area: string | undefined;
  kind: 'section' | 'bullet';
  line: number;
  sourceText: string;
  examples: Array<{ text: string; line: number }>;
  outcomes: Array<{ text: string; line: number }>;
}

export interface ToolGroup {
  kind: string;
  tools: string[];
  /** The job this kind of tool does, as a verb phrase (a `Used to` column): "track work from idea to release". */
  job?: string | undefined;
  /** The top-level kind it belongs to (a `Part of` column): "Project management". */
  family?: string | undefined;
  line: number;
  sourceText: string;
}

/** A "when to use which" table: each row a situation and the choice it calls for. */
export interface DecisionTable {
  /** What is chosen, from the second header, in the singular: "Framework", "Kind of roadmap". */
  kind: string;
  rows: Array<{ situation: string; answer: string; why: string | undefined; line: number; sourceText: string }>;
}

export interface LessonStructure {
  items: Item[];
  tools: ToolGroup[];
  decisions: DecisionTable[];
  /** ```quiz blocks: their YAML and the file line where the YAML starts. */
  quizBlocks: Array<{ yaml: string; line: number }>;
}

/**
 * Tool kinds from the rest of the course, for lessons with too few of their own.
 * Items are never borrowed: a stem that asks for "a section of Roadmaps" or a
 * "prioritisation framework" can only offer that lesson's own items.
 */
export interface CoursePool {
  toolKinds: ToolGroup[];
}

/** What question generation works from. */
export interface GenerationContext {
  lesson: Lesson;
  structure: LessonStructure;
  pool: CoursePool | undefined;
}
