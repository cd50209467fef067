import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createControllerApp } from '../../../../test/support/controller-harness';
import { BrowserAssets, findRepositoryRoot } from './browser-assets.service';
import { PhoneController } from './phone.controller';

describe(PhoneController.name, () => {
  const buildDirectory = mkdtempSync(join(tmpdir(), 'callwire-browser-'));
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createControllerApp(PhoneController, [
      { provide: BrowserAssets, useValue: new BrowserAssets(buildDirectory) },
    ]);
  });
  afterAll(async () => {
    await app.close();
    rmSync(buildDirectory, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('answers 503 with the fix when the SDK is not built', async () => {
    const response = await get('/sdk/callwire.js');
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 503, detail: expect.stringContaining('npm run build:sdk') });
  });

  describe('once built', () => {
    beforeAll(() => {
      writeFileSync(join(buildDirectory, 'callwire.js'), 'var Callwire = {};');
      writeFileSync(join(buildDirectory, 'phone.html'), '<!doctype html><title>Phone</title>');
    });

    it('serves the bundle without a key, revalidated by ETag', async () => {
      const response = await get('/sdk/callwire.js');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/javascript; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe('var Callwire = {};');
      const etag = String(response.headers.etag);
      const revalidated = await get('/sdk/callwire.js', { 'if-none-match': etag });
      expect(revalidated.statusCode).toBe(304);
      expect(revalidated.body).toBe('');
    });

    it('serves the page with a content security policy', async () => {
      const response = await get('/phone');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    });

    it('serves nothing else from the build directory, nor under /v1', async () => {
      for (const url of ['/sdk/phone.html', '/sdk/..%2F..%2Fpackage.json', '/phone/callwire.js', '/v1/phone']) {
        expect((await get(url)).statusCode).toBe(404);
      }
    });
  });
});

describe(findRepositoryRoot.name, () => {
  it('finds the repository from the sources (and, the same way, from dist/apps/api/src)', () => {
    const root = findRepositoryRoot(__dirname);
    expect(existsSync(join(root, 'nest-cli.json'))).toBe(true);
    expect(findRepositoryRoot(join(root, 'dist', 'apps', 'api', 'src', 'phone'))).toBe(root);
  });
});
