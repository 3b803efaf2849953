/**
 * Where a server's CPU went, from a `--cpu-prof` profile (bench/peer.ts with PEER_CPU_PROF=DIR writes Lantu's):
 * the functions with the most self time, and the same summed per package or source folder.
 *
 *   npx tsx bench/peer-profile.ts DIR/CPU.….cpuprofile [top=25] [skip seconds=0]
 *
 * `skip` leaves out the first seconds (start-up: module loading, migrations). Each function is shown with the caller
 * it is most often reached from, and PGlite's WebAssembly frames are counted as PGlite.
 */
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, topArg, skipArg] = process.argv.slice(2);
if (!file) throw new Error('usage: npx tsx bench/peer-profile.ts FILE.cpuprofile [top] [skip seconds]');
const top = Number(topArg ?? 25);
const skipUs = Number(skipArg ?? 0) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
let at = 0;
for (const [i, id] of profile.samples.entries()) {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= skipUs) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self.entries()]
  .filter(([id]) => ['(idle)', '(program)', '(garbage collector)'].includes(byId.get(id)?.callFrame.functionName ?? ''))
  .map(([id, us]) => `${byId.get(id)?.callFrame.functionName} ${(us / 1000).toFixed(0)} ms`);

/** Where a frame's code lives: a package name, or the repository folder. */
function place(url: string) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const own = /\/(server|common|bench)\/(?:modules\/)?([^/]+)/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  if (url.startsWith('wasm://')) return '@electric-sql/pglite (WebAssembly)';
  return url.startsWith('node:') ? url : url ? 'other' : '(native)';
}

const frames = new Map<string, number>();
const callers = new Map<string, Map<string, number>>();
const places = new Map<string, number>();
const nameOf = (id: number | undefined) => {
  const frame = id === undefined ? undefined : byId.get(id)?.callFrame;
  return frame
    ? `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|common|bench)\//, '$1/')}:${frame.lineNumber + 1}`
    : '';
};
for (const [id, us] of self) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  const short = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|common|bench)\//, '$1/');
  const key = `${frame.functionName || '(anonymous)'}  ${short}:${frame.lineNumber + 1}`;
  frames.set(key, (frames.get(key) ?? 0) + us);
  const caller = nameOf(parent.get(id));
  const byCaller = callers.get(key) ?? new Map<string, number>();
  byCaller.set(caller, (byCaller.get(caller) ?? 0) + us);
  callers.set(key, byCaller);
  const where = frame.functionName.startsWith('(') ? frame.functionName : place(frame.url);
  places.set(where, (places.get(where) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled (${idle.join(', ')})`);
console.log('\nself time by function:');
for (const [key, us] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  const caller = [...(callers.get(key) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
  console.log(`  ${pct(us).padStart(7)}  ${key}${caller ? `   ← ${caller}` : ''}`);
}
console.log('\nself time by package or folder:');
for (const [key, us] of [...places].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(us).padStart(7)}  ${key}`);
