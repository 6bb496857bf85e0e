// The calendar side of progress: the days in a row with some study, and the
// recent weeks' activity, in the learner's local days.
import { dayKey, type Progress } from './progress.js';

export const ACTIVITY_WEEKS = 12;

export interface DayCount {
  /** Local day, YYYY-MM-DD. */
  date: string;
  count: number;
}

export interface Streak {
  /** Days in a row with activity, ending today (or yesterday, when today has none yet). */
  current: number;
  longest: number;
  activeToday: boolean;
  lastActive: string | null;
  activeDays: number;
}

export function addDays(date: Date, days: number): Date {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  d.setDate(d.getDate() + days);
  return d;
}

function parseDay(key: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

export function streak(progress: Progress, now: Date): Streak {
  const active = new Set(Object.entries(progress.days).filter(([k, n]) => n > 0 && parseDay(k)).map(([k]) => k));
  const today = dayKey(now);
  const activeToday = active.has(today);
  let current = 0;
  for (let d = activeToday ? 0 : -1; active.has(dayKey(addDays(now, d))); d--) current += 1;
  let longest = 0;
  let run = 0;
  let previous: Date | undefined;
  const sorted = [...active].sort();
  for (const key of sorted) {
    const day = parseDay(key)!;
    run = previous && dayKey(addDays(previous, 1)) === key ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return { current, longest, activeToday, lastActive: sorted.at(-1) ?? null, activeDays: active.size };
}

/** Whole weeks, Monday first, up to today: the chart's columns start on a Monday. */
export function activity(progress: Progress, now: Date): DayCount[] {
  const days: DayCount[] = [];
  const sinceMonday = (now.getDay() + 6) % 7;
  for (let d = (ACTIVITY_WEEKS - 1) * 7 + sinceMonday; d >= 0; d--) {
    const date = dayKey(addDays(now, -d));
    days.push({ date, count: progress.days[date] ?? 0 });
  }
  return days;
}
