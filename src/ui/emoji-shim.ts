// Stands in for node-emoji inside marked-terminal (see scripts/build.mjs): its
// full emoji table is large to load, and lessons write emoji directly, so
// ":shortcode:" text is shown as written.
export function get(_name: string): string | undefined {
  return undefined;
}
