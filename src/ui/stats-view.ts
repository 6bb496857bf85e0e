// Progress drawn for the terminal: bars, a week of reviews, an activity chart.
// Takes the numbers computed in src/core/stats.ts and only lays them out.
import type { DayCount } from '../core/calendar.js';
import type { Level, LevelStats } from '../core/confidence.js';
import type { Stats } from '../core/stats.js';
import { neutraliseLine } from '../core/text.js';
import { displayWidth, truncate, wrapLines } from './ansi.js';
import { bar, c, theme } from './theme.js';

const pct = (f: number | null): string => (f === null ? '  —' : `${String(Math.round(f * 100)).padStart(3)}%`);

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * One bar for a module: mastered lessons solid, read ones shaded, the rest
 * light, so reading and mastery show in the same picture.
 */
export function moduleBar(mastered: number, read: number, total: number, width: number): string {
  if (total === 0) return c.dim('·'.repeat(width));
  const m = Math.round((Math.min(mastered, total) / total) * width);
  const r = Math.max(m, Math.round((Math.min(read, total) / total) * width));
  return `${c.green('█'.repeat(m))}${c.yellow('▓'.repeat(r - m))}${c.dim('░'.repeat(width - r))}`;
}

export const moduleLegend = (): string => `${c.green('█')} ${theme.dim('mastered')}  ${c.yellow('▓')} ${theme.dim('read')}  ${c.dim('░')} ${theme.dim('not yet')}`;

/** A line per module: its title, a bar, and how many lessons are read and mastered, fitted to the width. */
export function moduleLines(stats: Stats, width: number): string[] {
  const details = stats.modules.map((m) => `${m.read} of ${m.lessons} read${m.mastered ? ` · ${m.mastered} mastered` : ''}`);
  const detailWidth = Math.max(0, ...details.map(displayWidth));
  const longest = Math.max(0, ...stats.modules.map((m) => displayWidth(`${m.number}  ${m.title}`)));
  // Room left for title and bar once the margins and details are placed.
  const room = width - 2 - 2 - 2 - detailWidth;
  const titleWidth = Math.max(10, Math.min(44, longest, room - 10));
  const barWidth = Math.max(6, Math.min(24, room - titleWidth));
  return stats.modules.map((m, i) => {
    const label = padEnd(truncate(neutraliseLine(m.number ? `${m.number}  ${m.title}` : m.title), titleWidth), titleWidth);
    return `  ${label}  ${moduleBar(m.mastered, m.read, m.lessons, barWidth)}  ${theme.dim(details[i]!)}`;
  });
}

function section(title: string, right = ''): string {
  return right ? `${theme.heading(title)}  ${right}` : theme.heading(title);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function dateOf(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

/** A row of bars, one per day of the coming week. */
function weekLines(week: DayCount[], width: number): string[] {
  const max = Math.max(1, ...week.map((d) => d.count));
  const room = Math.max(5, Math.min(30, width - 20));
  return week.map((d) => {
    const date = dateOf(d.date);
    const label = `${WEEKDAYS[date.getDay()]} ${String(date.getDate()).padStart(2)}`;
    const len = d.count === 0 ? 0 : Math.max(1, Math.round((d.count / max) * room));
    return `  ${theme.dim(label)}  ${c.cyan('█'.repeat(len))}${d.count ? ` ${d.count}` : theme.dim('·')}`;
  });
}

const SHADES = ['░', '▒', '▓', '█'];

/** Weeks as columns, Monday to Sunday as rows, each day shaded by how much was done. */
export function activityChart(days: DayCount[]): string[] {
  if (days.length === 0) return [];
  const first = dateOf(days[0]!.date);
  const mondayOffset = (first.getDay() + 6) % 7;
  const max = Math.max(...days.map((d) => d.count));
  const columns = Math.ceil((days.length + mondayOffset) / 7);
  const grid: string[][] = Array.from({ length: 7 }, () => Array.from({ length: columns }, () => ' '));
  const months: string[] = Array.from({ length: columns }, () => '');
  days.forEach((d, i) => {
    const slot = i + mondayOffset;
    const col = Math.floor(slot / 7);
    const row = slot % 7;
    const date = dateOf(d.date);
    if (date.getDate() <= 7 && row === 0) months[col] = date.toLocaleString('en', { month: 'short' });
    if (d.count === 0) grid[row]![col] = c.dim('·');
    else {
      const level = Math.max(0, Math.min(3, Math.ceil((d.count / max) * 4) - 1));
      grid[row]![col] = c.green(SHADES[level]!);
    }
  });
  let monthRow = '';
  months.forEach((m, col) => {
    if (m && monthRow.length <= col * 2) monthRow = monthRow.padEnd(col * 2) + m;
  });
  const rows = grid.map((cells, r) => `  ${theme.dim(['Mon', '   ', 'Wed', '   ', 'Fri', '   ', 'Sun'][r]!)} ${cells.join(' ')}`);
  return [`      ${theme.dim(monthRow)}`.trimEnd(), ...rows];
}

export interface StatsViewOptions {
  width: number;
}

export function formatStats(stats: Stats, { width }: StatsViewOptions): string {
  const w = Math.max(40, Math.min(width, 100));
  const t = stats.totals;
  const out: string[] = [theme.title('Your progress'), ''];
  const barWidth = Math.max(8, Math.min(24, w - 36));
  const row = (label: string, done: number, total: number) =>
    `  ${padEnd(label, 15)}${bar(total ? done / total : 0, barWidth)}  ${theme.dim(`${done} of ${total}`)}`;
  out.push(row('Pages read', t.pagesRead, t.pages));
  out.push(row('Lessons passed', t.passed, t.lessons));
  out.push(row('Mastered', t.mastered, t.lessons));
  out.push(
    `  ${padEnd('Quiz answers', 15)}${
      t.answers === 0 ? theme.dim('none yet: pm-guide quiz starts one') : `${t.answers} on ${t.questionsAnswered} question${t.questionsAnswered === 1 ? '' : 's'}, ${Math.round((t.accuracy ?? 0) * 100)}% right`
    }`,
  );
  const s = stats.streak;
  const streak =
    s.current > 0
      ? `${theme.strong(`${s.current} day${s.current === 1 ? '' : 's'}`)} in a row${s.longest > s.current ? theme.dim(` · best ${s.longest}`) : ''}${s.activeToday ? '' : theme.dim(' · study today to keep it')}`
      : s.activeDays > 0
        ? `none now${theme.dim(` · best ${s.longest} day${s.longest === 1 ? '' : 's'} · last active ${s.lastActive}`)}`
        : theme.dim('starts with your first lesson');
  out.push(`  ${padEnd('Streak', 15)}${streak}`);

  out.push('', section('Modules', moduleLegend()), ...moduleLines(stats, w));

  out.push('', section('Quiz accuracy by topic'));
  for (const topic of stats.topics) {
    const detail = topic.answers === 0 ? 'no answers yet' : `${topic.right} of ${topic.answers} right`;
    const graph = topic.accuracy === null ? `${c.dim('░'.repeat(barWidth))} ${pct(null)}` : bar(topic.accuracy, barWidth);
    out.push(`  ${padEnd(topic.topic, 17)}${graph}  ${theme.dim(detail)}`);
  }

  if (stats.lessons.length > 0) {
    out.push('', section('Quiz accuracy by lesson'));
    const titleWidth = Math.max(16, Math.min(36, w - barWidth - 32));
    for (const l of stats.lessons) {
      const label = padEnd(truncate(neutraliseLine(`${l.number} ${l.title}`), titleWidth), titleWidth);
      const best = l.bestScore === null ? '' : ` · best quiz ${Math.round(l.bestScore * 100)}%`;
      const mark = l.mastered ? theme.ok(' ★') : l.due ? theme.warn(` · ${l.due} due`) : '';
      out.push(`  ${label}  ${bar(l.accuracy ?? 0, Math.min(barWidth, 12))}  ${theme.dim(`${l.answers} answers${best}`)}${mark}`);
    }
  }

  out.push('', section('Weakest questions'));
  if (stats.weakest.length === 0) out.push(theme.dim(t.answers === 0 ? '  None yet: they show once you have answered some questions.' : '  None: you have not missed a question.'));
  for (const item of stats.weakest) {
    const recent = item.recent.map((r) => (r ? theme.ok('✓') : theme.bad('✗'))).join('');
    const where = theme.dim(`${item.lessonNumber} · ${item.topic}`);
    const lead = `  ${padEnd(`${item.right} of ${item.answers} right`, 14)} ${padEnd(recent, 5)} `;
    const room = Math.max(20, w - displayWidth(lead) - displayWidth(where) - 2);
    const prompt = neutraliseLine(item.prompt ?? `(a question no longer in ${item.lessonTitle})`);
    out.push(`${lead}${truncate(prompt.split('\n')[0]!, room)}  ${where}`);
  }

  out.push(...calibrationLines(stats, w));

  if (stats.leeches.length > 0) {
    out.push('', section('Leeches', theme.dim('missed again and again: re-read where they come from')));
    for (const leech of stats.leeches) {
      const lead = `  ${padEnd(`missed ${leech.misses}×`, 11)} `;
      const prompt = neutraliseLine(leech.prompt.split('\n')[0]!);
      out.push(`${lead}${truncate(prompt, Math.max(20, w - displayWidth(lead)))}`);
      out.push(theme.dim(`${' '.repeat(displayWidth(lead))}${neutraliseLine(leech.where)} · ${leech.replaced ? 'another question asks it instead' : 'resting'}`));
    }
  }

  const r = stats.reviews;
  const weekTotal = r.week.reduce((n, d) => n + d.count, 0);
  out.push('', section('Reviews'));
  out.push(
    `  ${r.dueNow > 0 ? theme.warn(`${r.dueNow} due now`) : 'Nothing due now'}${r.laterToday ? ` · ${r.laterToday} later today` : ''} · ${weekTotal} in the next 7 days${r.later ? ` · ${r.later} after that` : ''}`,
  );
  if (weekTotal > 0) out.push(...weekLines(r.week, w));

  const active = stats.activity.filter((d) => d.count > 0).length;
  out.push('', section(`Activity, last ${Math.ceil(stats.activity.length / 7)} weeks`, theme.dim(`${active} active day${active === 1 ? '' : 's'} · less ${c.dim('·')}${SHADES.map((x) => c.green(x)).join('')} more`)));
  out.push(...activityChart(stats.activity));

  if (r.dueNow > 0) out.push('', theme.dim(`pm-guide quiz --review goes over the ${r.dueNow} due now.`));
  else if (stats.weakest[0]) out.push('', theme.dim(`pm-guide quiz ${stats.weakest[0].lessonId} practises the weakest lesson again.`));
  // Whatever still does not fit (prose on a narrow terminal) wraps under its own indent.
  return wrapLines(out.join('\n'), w);
}

const percent = (l: Level): string => (l.accuracy === null ? '–' : `${Math.round(l.accuracy * 100)}%`);

/** "When you were sure you were right 92% of the time; when you guessed, 41%", overall, then per topic and module. */
function calibrationLines(stats: Stats, width: number): string[] {
  const cal = stats.calibration;
  const o = cal.overall;
  if (o.sure.answers + o.think.answers + o.guess.answers === 0) return [];
  const out = ['', section('How sure you were', theme.dim('and how often you were right'))];
  const parts: string[] = [];
  if (o.sure.answers) parts.push(`when you were sure you were right ${percent(o.sure)} of the time`);
  if (o.think.answers) parts.push(`when you thought so, ${percent(o.think)}`);
  if (o.guess.answers) parts.push(`when you guessed, ${percent(o.guess)}`);
  out.push(`  ${parts.join('; ').replace(/^w/, 'W')}.`);
  // Three columns of 12 after a label of 25; on a terminal narrower than that the label takes a line of its own.
  const narrow = width < 2 + 25 + 3 * 12;
  const cells = (texts: string[]): string => texts.map((t) => padEnd(t, 12)).join('').trimEnd();
  const lead = (label: string): string => (narrow ? `  ${truncate(label, width - 2)}\n    ` : `  ${padEnd(truncate(label, 24), 25)}`);
  const row = (label: string, l: LevelStats): string => `${lead(label)}${cells([l.sure, l.think, l.guess].map((x) => (x.answers ? `${percent(x)} of ${x.answers}` : '–')))}`;
  out.push(theme.dim(`${narrow ? '    ' : ' '.repeat(27)}${cells(['sure', 'think so', 'guess'])}`));
  for (const t of cal.topics) if (t.levels.sure.answers + t.levels.think.answers + t.levels.guess.answers > 0) out.push(row(t.topic, t.levels));
  for (const m of cal.modules) if (m.levels.sure.answers + m.levels.think.answers + m.levels.guess.answers > 0) out.push(row(neutraliseLine(`${m.number} ${m.title}`), m.levels));
  if (cal.confidentlyWrong.length > 0) out.push(theme.warn(`  Confidently wrong in ${cal.confidentlyWrong.join(', ')}: you were sure and often wrong there. Re-read before you review.`));
  return out;
}
