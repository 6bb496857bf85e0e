// Stands in for cli-highlight inside marked-terminal (see scripts/build.mjs).
// highlight.js costs more start-up than the rest of pm-guide together, and most
// lessons have no code, so it is loaded only for lessons that do.
type Highlight = (code: string, options?: object) => string;
let impl: Highlight | undefined;

export function highlight(code: string, options?: object): string {
  return impl ? impl(code, options) : code;
}

export async function loadHighlighter(): Promise<void> {
  if (impl) return;
  // The real module, by a path the build does not redirect to this shim.
  const mod = (await import('cli-highlight/dist/index.js')) as unknown as { highlight: Highlight; default?: { highlight: Highlight } };
  impl = mod.highlight ?? mod.default?.highlight;
}
