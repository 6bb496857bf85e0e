// Typed errors for everything a user or author can cause. Only src/cli.ts turns
// them into a message and an exit code; everything else throws.

export abstract class PmGuideError extends Error {
  /** What the user can do about it, shown after the message. */
  abstract readonly hint: string;
  readonly exitCode: number = 1;
}

/** A lesson file that cannot be loaded: names the file and the line. */
export class InvalidLessonError extends PmGuideError {
  readonly hint = 'fix the lesson file, then try again (pm-guide lint checks a whole folder)';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'InvalidLessonError';
  }
}

export class LessonNotFoundError extends PmGuideError {
  readonly hint: string;
  constructor(
    readonly query: string,
    readonly suggestions: readonly string[],
  ) {
    super(`no lesson matches "${query}"`);
    this.name = 'LessonNotFoundError';
    this.hint =
      suggestions.length > 0
        ? `did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? pm-guide list shows every lesson`
        : 'run pm-guide list to see the lessons';
  }
}

export class AmbiguousLessonError extends PmGuideError {
  readonly hint: string;
  constructor(
    readonly query: string,
    readonly matches: readonly string[],
  ) {
    super(`"${query}" matches ${matches.length} lessons`);
    this.name = 'AmbiguousLessonError';
    this.hint = `be more specific, or use an id or number: ${matches.slice(0, 6).join(', ')}${matches.length > 6 ? `, and ${matches.length - 6} more (pm-guide list shows them all)` : ''}`;
  }
}

export class CourseError extends PmGuideError {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'CourseError';
  }
}

export class ProgressFileError extends PmGuideError {
  constructor(
    readonly file: string,
    problem: string,
    readonly hint: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ProgressFileError';
  }
}

/** Bad command-line use that commander cannot see (a bad --count, a missing terminal). */
export class UsageError extends PmGuideError {
  override readonly exitCode: number = 2;
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The learner stopped (Ctrl-C, Esc): not an error, but the command ends with 130. */
export class InterruptedError extends PmGuideError {
  readonly hint = '';
  override readonly exitCode = 130;
  constructor(message = 'stopped') {
    super(message);
    this.name = 'InterruptedError';
  }
}
