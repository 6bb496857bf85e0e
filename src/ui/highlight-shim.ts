// Stands in for cli-highlight inside marked-terminal (scripts/build.mjs and
// vitest.config.ts alias it here). Code in a lesson is shown as written, in
// the code colour: the highlighter cost more start-up than the rest of
// pm-guide, and it wrote "Could not find the language" to stderr for
// languages it does not know (mermaid, liquid).
export function highlight(code: string): string {
  return code;
}
