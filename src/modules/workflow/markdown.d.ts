/** Vite (and so vitest) imports any file as text with `?raw`; the README tests read the module's README this way. */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
