/**
 * The command-line tools the PDF tests read documents back with, and how to tell they are missing.
 * Debian packages: `poppler-utils` (pdftotext, pdftoppm) and `zbar-tools` (zbarimg). A test that needs
 * one skips, naming the package, when it is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE_OF = { pdftotext: 'poppler-utils', pdftoppm: 'poppler-utils', pdfinfo: 'poppler-utils', zbarimg: 'zbar-tools' } as const;
type Tool = keyof typeof PACKAGE_OF;

const installed = (tool: Tool): boolean => spawnSync(tool, ['-v']).error === undefined;

/** Why a test cannot run here, or null when every tool it needs is installed. */
export function missing(...tools: Tool[]): string | null {
  const absent = tools.filter((t) => !installed(t));
  if (absent.length === 0) {
    return null;
  }
  const packages = [...new Set(absent.map((t) => PACKAGE_OF[t]))].join(' ');
  return `${absent.join(', ')} not found: apt-get install -y ${packages}`;
}

function withPdf<T>(pdf: Uint8Array, use: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'portico-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return use(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `ok`: the exit statuses that mean success (zbarimg says 4 when some page has no code). */
function run(tool: Tool, args: string[], ok: readonly number[] = [0]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.status === null || !ok.includes(result.status)) {
    throw new Error(`${tool} ${args.join(' ')} exited ${String(result.status)}: ${result.stderr}`);
  }
  return result.stdout;
}

/** The PDF's text as poppler extracts it (through the fonts' ToUnicode maps). */
export const pdfText = (pdf: Uint8Array): string => withPdf(pdf, (_, file) => run('pdftotext', ['-enc', 'UTF-8', file, '-']));

/** The text of one page (from 1). */
export const pdfPageText = (pdf: Uint8Array, page: number): string =>
  withPdf(pdf, (_, file) => run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']));

/** The text inside an area of the first page, in millimetres from its top left corner. */
export const pdfTextIn = (pdf: Uint8Array, area: { left: number; top: number; width: number; height: number }): string => {
  const pt = (mm: number) => String(Math.round((mm * 72) / 25.4));
  return withPdf(pdf, (_, file) => run('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', '-r', '72', '-x', pt(area.left), '-y', pt(area.top), '-W', pt(area.width), '-H', pt(area.height), file, '-']));
};

/** The number of pages, as pdfinfo reads it. */
export const pdfPageCount = (pdf: Uint8Array): number =>
  withPdf(pdf, (_, file) => Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [file]))?.[1] ?? Number.NaN));

/** Every QR code zbar finds on the PDF's pages rasterised at 150 dpi. */
export function qrCodes(pdf: Uint8Array): string[] {
  return withPdf(pdf, (dir, file) => {
    run('pdftoppm', ['-r', '150', '-png', file, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => join(dir, f));
    const found = run('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', ...pages], [0, 4]);
    return found.split('\n').filter((l) => l !== '');
  });
}
