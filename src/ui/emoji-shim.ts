// Stands in for node-emoji inside marked-terminal (scripts/build.mjs and
// vitest.config.ts alias it here): its emoji table is large to load, and
// lessons write emoji directly, so ":shortcode:" text is shown as written.
export function get(_name: string): string | undefined {
  return undefined;
}
