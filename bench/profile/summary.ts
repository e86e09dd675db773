/**
 * What a CPU profile (.cpuprofile) spent its samples on: the functions with the most self time, and
 * the files and packages with the most, self and inclusive (a frame counted once per sample).
 *   node --import tsx bench/profile/summary.ts <file.cpuprofile> [--top 40] [--last 10]
 * `--last` keeps the samples of the profile's last seconds only: the load, not the start before it.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly endTime: number;
  readonly startTime: number;
}

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: summary.ts <file.cpuprofile> [--top 40]');
  process.exit(2);
}
const topIndex = process.argv.indexOf('--top');
const top = topIndex >= 0 ? Number(process.argv[topIndex + 1]) : 40;
const lastIndex = process.argv.indexOf('--last');
const last = lastIndex >= 0 ? Number(process.argv[lastIndex + 1]) : Infinity;
const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
let clock = profile.startTime;
const from = profile.endTime - last * 1e6;
const samples = profile.samples.filter((_, i) => (clock += profile.timeDeltas[i] ?? 0) >= from);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) {
  for (const c of n.children ?? []) {
    parent.set(c, n.id);
  }
}

/** Where a frame belongs: a package under node_modules, a file of the project, or what V8 calls it. */
function place(n: ProfileNode): string {
  const url = n.callFrame.url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1] !== undefined) {
    return pkg[1];
  }
  const own = /\/(src|bench)\/(.*)$/.exec(url);
  if (own !== null) {
    return `${own[1]}/${own[2]}`;
  }
  return url === '' ? `(${n.callFrame.functionName || 'program'})` : url;
}
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${place(n)}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const placeSelf = new Map<string, number>();
const placeTotal = new Map<string, number>();
const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
for (const id of samples) {
  const n = byId.get(id);
  if (n === undefined) {
    continue;
  }
  add(self, label(n));
  add(placeSelf, place(n));
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at);
    if (frame !== undefined) {
      seen.add(place(frame));
    }
  }
  for (const p of seen) {
    add(placeTotal, p);
  }
}
const total = samples.length;
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((v / total) * 100).toFixed(1).padStart(6)}%  ${k}`);
  }
};
console.log(`${total} samples`);
show('self, by function', self);
show('self, by file or package', placeSelf);
show('inclusive, by file or package', placeTotal);
