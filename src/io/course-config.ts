// Finds and reads a site's _config.yml: in the course folder, or in the folder
// above it (a site's pages often live in docs/ beside the config). A config
// that cannot be read changes nothing: the course loads with the defaults.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseYamlData } from '../core/front-matter.js';
import { defaultSiteConfig, siteConfigFrom, type SiteConfig } from '../core/site.js';

/** A site's configuration is a page of settings; beyond this it is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface FoundConfig {
  config: SiteConfig;
  /** The _config.yml read, if any. */
  file: string | undefined;
  /** The folder it sits in: the site's root (collections are `_<name>` folders there). */
  root: string | undefined;
}

export function findConfigFile(lessonsDir: string): string | undefined {
  for (const dir of [lessonsDir, dirname(lessonsDir)]) {
    const file = join(dir, '_config.yml');
    try {
      if (existsSync(file) && statSync(file).isFile()) return file;
    } catch {
      // Not readable: try the next place.
    }
  }
  return undefined;
}

export function readCourseConfig(lessonsDir: string): FoundConfig {
  const file = findConfigFile(lessonsDir);
  if (!file) return { config: defaultSiteConfig(), file: undefined, root: undefined };
  try {
    if (statSync(file).size > MAX_CONFIG_BYTES) return { config: defaultSiteConfig(), file, root: dirname(file) };
    const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    return { config: siteConfigFrom(parseYamlData(text, file, 1, '_config.yml', { onDuplicateKey: () => {} })), file, root: dirname(file) };
  } catch {
    return { config: defaultSiteConfig(), file, root: dirname(file) };
  }
}
