declare module 'marked-terminal' {
  export function markedTerminal(options?: Record<string, unknown>, highlightOptions?: Record<string, unknown>): unknown;
}
declare module 'cli-highlight/dist/index.js' {
  export function highlight(code: string, options?: object): string;
}
