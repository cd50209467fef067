/**
 * Optional CPU profiling of a server under test (BENCH_CPU_PROF=<dir>): node's --cpu-prof writes a .cpuprofile
 * (open it in Chrome DevTools, Performance tab) and summarize() prints where the samples fell, by package and
 * by function, so a run already tells where the time goes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Node arguments that profile the process. --cpu-prof writes only on a normal exit, while Nest's shutdown hooks
 * end the process by re-raising the signal; the preloaded script turns SIGTERM into process.exit(0) first (a
 * CommonJS preload, so that TypeScript entry points still load through -r @swc-node/register).
 */
export function cpuProfileArgs(dir: string): string[] {
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, '-r', join(__dirname, 'sigterm-exit.cjs')];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package> (scoped too), node internals, the app's own code, or V8's pseudo-frames. */
function category(node: ProfileNode, root: string): string {
  const { url, functionName } = node.callFrame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  if (url.startsWith('wasm://')) return 'WebAssembly';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1];
  return url.replace(/^file:\/\//, '').replace(`${root}/`, '');
}

function share(ms: number, total: number): string {
  return `${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms`;
}

/** Summary of the newest .cpuprofile in `dir`: self time by package and the top functions. */
export function summarize(dir: string, root: string, top = 20): string {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.cpuprofile'))
    .sort();
  const newest = files[files.length - 1];
  if (!newest) return `no .cpuprofile in ${dir}`;
  const path = join(dir, newest);
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });

  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    busy += ms;
    const where = category(node, root);
    byCategory.set(where, (byCategory.get(where) ?? 0) + ms);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const ranked = (map: Map<string, number>): [string, number][] =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `CPU profile ${path} (${busy.toFixed(0)} ms on CPU, idle excluded)`,
    'self time by package:',
    ...ranked(byCategory).map(([name, ms]) => `  ${share(ms, busy)}  ${name}`),
    'top functions by self time:',
    ...ranked(byFunction).map(([name, ms]) => `  ${share(ms, busy)}  ${name}`),
  ].join('\n');
}
