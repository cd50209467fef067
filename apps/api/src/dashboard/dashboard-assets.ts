import { HttpStatus } from '@nestjs/common';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, sep } from 'node:path';
import { ProblemException, problem } from '../common/problem';
import { type StaticFile, fileEtag } from '../common/static-file';
import { findRepositoryRoot } from '../phone/browser-assets.service';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

function decodeUrlPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

export interface DashboardFile extends StaticFile {
  /** Vite names files under assets/ by content hash: they never change, so browsers may keep them. */
  readonly immutable: boolean;
  /** The single-page app's entry (served for every client-side route). */
  readonly isEntry: boolean;
}

/** The dashboard's build (`npm run build:dashboard` → dist/dashboard), with index.html for client-side routes. */
export class DashboardAssets {
  constructor(private readonly directory: string) {}

  static fromRepository(): DashboardAssets {
    return new DashboardAssets(join(findRepositoryRoot(__dirname), 'dist', 'dashboard'));
  }

  /**
   * `urlPath` is the still-encoded path after /dashboard/. Unknown paths without an extension are the app's
   * routes: index.html. Null for missing files and for anything that would leave the build directory.
   */
  async find(urlPath: string): Promise<DashboardFile | null> {
    const decoded = decodeUrlPath(urlPath);
    if (decoded === null) return null;
    const relative = normalize(decoded || 'index.html');
    if (relative === '..' || relative.startsWith(`..${sep}`) || isAbsolute(relative)) return null;
    const file = await this.existing(relative);
    if (file) return file;
    if (extname(relative)) return null;
    const entry = await this.existing('index.html');
    if (!entry) {
      throw new ProblemException(
        problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          `The dashboard is not built (index.html is missing from ${this.directory}): run npm run build:dashboard.`,
        ),
      );
    }
    return entry;
  }

  private async existing(relative: string): Promise<DashboardFile | null> {
    const path = join(this.directory, relative);
    const stats = await stat(path).catch(() => null);
    if (!stats?.isFile()) return null;
    return {
      contentType: CONTENT_TYPES[extname(relative)] ?? 'application/octet-stream',
      immutable: relative.startsWith(`assets${sep}`),
      isEntry: relative === 'index.html',
      etag: fileEtag(stats),
      read: () => readFile(path),
    };
  }
}
