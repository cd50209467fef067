import { HttpStatus } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { NotFoundProblemException, ProblemException, problem } from '../common/problem';
import { type StaticFile, fileEtag } from '../common/static-file';

const JAVASCRIPT = 'application/javascript; charset=utf-8';

/** URL path → file in the browser build (`npm run build:sdk` writes them to dist/browser). */
const ASSETS: Readonly<Record<string, { file: string; contentType: string }>> = {
  phone: { file: 'phone.html', contentType: 'text/html; charset=utf-8' },
  'phone/phone.js': { file: 'phone.js', contentType: JAVASCRIPT },
  'phone/phone.css': { file: 'phone.css', contentType: 'text/css; charset=utf-8' },
  'sdk/callwire.js': { file: 'callwire.js', contentType: JAVASCRIPT },
  'sdk/callwire.js.map': { file: 'callwire.js.map', contentType: 'application/json; charset=utf-8' },
};

/**
 * The repository root: the nearest ancestor holding a package.json. The API runs from apps/api/src
 * (tests) and from dist/apps/api/src (production), so a fixed number of `..` would be wrong for one.
 */
export function findRepositoryRoot(start: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    if (dirname(directory) === directory) throw new Error(`No package.json above ${start}`);
  }
}

/** Serves the built browser SDK and demo phone from one directory. */
export class BrowserAssets {
  constructor(private readonly directory: string) {}

  static fromRepository(): BrowserAssets {
    return new BrowserAssets(join(findRepositoryRoot(__dirname), 'dist', 'browser'));
  }

  /** 404 for a path that is not an asset, 503 when the SDK has not been built. */
  async find(urlPath: string): Promise<StaticFile> {
    const asset = Object.hasOwn(ASSETS, urlPath) ? ASSETS[urlPath] : undefined;
    if (!asset) throw new NotFoundProblemException('File');
    const path = join(this.directory, asset.file);
    const stats = await stat(path).catch(() => null);
    if (!stats?.isFile()) {
      throw new ProblemException(
        problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          `The browser SDK is not built (${asset.file} is missing from ${this.directory}): run npm run build:sdk.`,
        ),
      );
    }
    return {
      contentType: asset.contentType,
      etag: fileEtag(stats),
      read: () => readFile(path),
    };
  }
}
