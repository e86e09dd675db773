/**
 * DejaVu Sans, regular and bold, read once per process. DejaVu covers Latin and Cyrillic (and the
 * typographic quotes and apostrophe the Ukrainian wording uses); the files come from the
 * `dejavu-fonts-ttf` package so no font lives in this repository.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export interface FontBytes {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

const require = createRequire(import.meta.url);

let cached: Promise<FontBytes> | null = null;

/**
 * The font files' bytes. Only the bytes are shared: pdf-lib parses them again (fontkit.create) for each
 * document, most of a render's time. Sharing one parsed font across documents was tried and is wrong:
 * fontkit caches glyph objects with the code points of their first use, and subsetting fetches the
 * components of composite glyphs (DejaVu's Cyrillic а, е, о, і are built on the Latin a, e, o, i)
 * with none, so a later document's ToUnicode map lost those letters and its text no longer copied
 * or searched correctly (`pdf.renderer.test.ts` renders Ukrainian before English to catch this).
 *
 * The promise is cached, not the result, so concurrent first renders read the files once; a failed
 * read is forgotten so that the next render tries again.
 */
export function documentFonts(): Promise<FontBytes> {
  cached ??= load().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

async function load(): Promise<FontBytes> {
  const [regular, bold] = await Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]);
  return { regular, bold };
}
