// `npm run build:sdk`: bundles the browser SDK (JsSIP included) and the demo phone page into dist/browser,
// which the API serves at /sdk/callwire.js and /phone.
import { type BuildOptions, build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

const sdkRoot = __dirname;
const outDir = resolve(sdkRoot, '../../dist/browser');
const BANNER =
  '/*! Callwire browser SDK (Apache-2.0). Bundles JsSIP, debug, ms, events and sdp-transform (MIT licensed). */';

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const common: BuildOptions = {
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    tsconfig: resolve(sdkRoot, 'tsconfig.json'),
    logLevel: 'warning',
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [resolve(sdkRoot, 'src/index.ts')],
      outfile: resolve(outDir, 'callwire.js'),
      globalName: 'Callwire',
      minify: true,
      sourcemap: 'linked',
      banner: { js: BANNER },
    }),
    build({ ...common, entryPoints: [resolve(sdkRoot, 'demo/phone.ts')], outfile: resolve(outDir, 'phone.js') }),
    ...['phone.html', 'phone.css'].map((file) => copyFile(resolve(sdkRoot, 'demo', file), resolve(outDir, file))),
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
