// What a Jekyll site's _config.yml says that pm-guide uses: the course's
// title, the callouts' labels, the collections (each its own tree in the
// navigation), how the theme sorts titles, and an optional id for progress.
// Pure: src/io/course-config.ts finds and reads the file.
import { neutraliseLine } from './text.js';

export interface Collection {
  /** The collection's key: its pages live in the folder `_<key>`. */
  key: string;
  /** The name the navigation shows above its pages. */
  name: string;
  /** Not shown in the navigation (its pages can still be read). */
  navExclude: boolean;
}

export interface SiteConfig {
  title: string | undefined;
  /** Callout class -> its label; a callout without a title in the config has none (the theme shows none). */
  callouts: ReadonlyMap<string, string | undefined>;
  collections: Collection[];
  /** `nav_sort: case_insensitive`: titles sorted ignoring case (the theme's default is case-sensitive). */
  caseInsensitiveSort: boolean;
  /** `pm_guide: { id: ... }`: the name progress is kept under, instead of the folder's. */
  courseId: string | undefined;
}

/** Callouts a site without a `callouts:` section still means: the names most themes and authors use. */
const USUAL_CALLOUTS: Array<[string, string]> = [
  ['note', 'Note'],
  ['tip', 'Tip'],
  ['important', 'Important'],
  ['warning', 'Warning'],
  ['caution', 'Caution'],
  ['new', 'New'],
  ['highlight', 'Highlight'],
];

export function defaultSiteConfig(): SiteConfig {
  return { title: undefined, callouts: new Map(USUAL_CALLOUTS), collections: [], caseInsensitiveSort: false, courseId: undefined };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? neutraliseLine(String(v)).trim() || undefined : undefined);
const COURSE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/** Reads the parts of a parsed _config.yml that pm-guide uses; anything else, or of the wrong shape, is ignored. */
export function siteConfigFrom(data: unknown): SiteConfig {
  const config = defaultSiteConfig();
  if (!isRecord(data)) return config;
  config.title = textOf(data.title);
  if (isRecord(data.callouts)) {
    const callouts = new Map<string, string | undefined>();
    for (const [key, value] of Object.entries(data.callouts)) callouts.set(key, isRecord(value) ? textOf(value.title) : undefined);
    config.callouts = callouts;
  }
  const theme = isRecord(data.just_the_docs) ? data.just_the_docs : undefined;
  if (theme && isRecord(theme.collections)) {
    for (const [key, value] of Object.entries(theme.collections)) {
      const v = isRecord(value) ? value : {};
      config.collections.push({ key, name: textOf(v.name) ?? key, navExclude: v.nav_exclude === true });
    }
  }
  config.caseInsensitiveSort = data.nav_sort === 'case_insensitive';
  const own = isRecord(data.pm_guide) ? data.pm_guide : undefined;
  const id = textOf(own?.id);
  if (id && COURSE_ID.test(id)) config.courseId = id;
  return config;
}
