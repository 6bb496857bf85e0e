// The stats report: what `pm-guide stats` draws and `--json` prints, per
// module, topic and lesson, with the weakest questions, leeches, calibration,
// reviews coming due, the streak and recent activity. Computed in stats.ts.
import type { DayCount, Streak } from './calendar.js';
import type { LevelStats } from './confidence.js';
import type { Progress, Topic } from './progress.js';
import type { Course } from './course.js';

export interface ModuleStats {
  number: string;
  id: string;
  title: string;
  /** Lessons in the module (module pages not counted). */
  lessons: number;
  read: number;
  passed: number;
  mastered: number;
}

export interface TopicStats {
  topic: Topic;
  questions: number;
  answers: number;
  right: number;
  accuracy: number | null;
}

export interface LessonStats {
  number: string;
  id: string;
  title: string;
  read: boolean;
  bestScore: number | null;
  lastScore: number | null;
  answers: number;
  right: number;
  accuracy: number | null;
  passed: boolean;
  mastered: boolean;
  /** Questions of this lesson due for review now. */
  due: number;
}

export interface WeakItem {
  questionId: string;
  /** The question as asked, when the course still asks it. */
  prompt: string | null;
  lessonId: string;
  lessonNumber: string;
  lessonTitle: string;
  topic: Topic;
  answers: number;
  right: number;
  accuracy: number;
  lapses: number;
  /** The last answers, oldest first: true for right. */
  recent: boolean[];
  due: string;
}

/** A question missed again and again (core/leech.ts). */
export interface LeechStats {
  questionId: string;
  prompt: string;
  lessonId: string;
  /** Where it comes from: "1.1 Duties of a Gardener › Main Duties". */
  where: string;
  misses: number;
  /** Whether another question on its fact is asked in its place. */
  replaced: boolean;
}

/** How sure the learner was, and how often right at each level (core/confidence.ts). */
export interface CalibrationStats {
  overall: LevelStats;
  topics: Array<{ topic: Topic; levels: LevelStats }>;
  modules: Array<{ number: string; title: string; levels: LevelStats }>;
  /** Topics where the learner was sure and often wrong: misconceptions to look at first. */
  confidentlyWrong: Topic[];
}

export interface Stats {
  totals: {
    pages: number;
    pagesRead: number;
    lessons: number;
    lessonsRead: number;
    passed: number;
    mastered: number;
    questionsAnswered: number;
    answers: number;
    right: number;
    accuracy: number | null;
  };
  modules: ModuleStats[];
  topics: TopicStats[];
  /** Lessons with at least one quiz answer, in course order. */
  lessons: LessonStats[];
  weakest: WeakItem[];
  /** Leeches, most missed first. */
  leeches: LeechStats[];
  calibration: CalibrationStats;
  reviews: {
    /** Due now (overdue included). */
    dueNow: number;
    /** Due from now to the end of today. */
    laterToday: number;
    /** Each of the seven days after today. */
    week: DayCount[];
    /** Due after the coming week. */
    later: number;
  };
  streak: Streak;
  /** Days of the last ACTIVITY_WEEKS weeks (this one included), Monday first, today last. */
  activity: DayCount[];
}

export interface StatsInput {
  course: Course;
  progress: Progress;
  now: Date;
  /** The prompt of a question by id, for the weakest list (undefined when the course no longer asks it). */
  promptOf?: (questionId: string) => string | undefined;
  /** Questions the course asks per topic, for "answered N of M". */
  questionsPerTopic?: Partial<Record<Topic, number>>;
  /** Leeches, as the command found them (they need the course's questions). */
  leeches?: LeechStats[];
}
