import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProblemException } from '../common/problem';
import { DashboardAssets } from './dashboard-assets';

describe('DashboardAssets', () => {
  let directory: string;
  let assets: DashboardAssets;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dashboard-assets-'));
    await mkdir(join(directory, 'build', 'assets'), { recursive: true });
    await writeFile(join(directory, 'build', 'index.html'), '<!doctype html>');
    await writeFile(join(directory, 'build', 'assets', 'index-abc123.js'), 'export {}');
    await writeFile(join(directory, 'secret.txt'), 'outside the build');
    assets = new DashboardAssets(join(directory, 'build'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('serves built files, hashed assets as immutable', async () => {
    const script = await assets.find('assets/index-abc123.js');
    expect(script).toMatchObject({ contentType: 'application/javascript; charset=utf-8', immutable: true });
    expect((await script!.read()).toString()).toBe('export {}');
    expect(await assets.find('')).toMatchObject({ isEntry: true, immutable: false });
  });

  it('answers client-side routes with index.html, but not missing files', async () => {
    expect(await assets.find('calls/0193-abc')).toMatchObject({
      isEntry: true,
      contentType: 'text/html; charset=utf-8',
    });
    await expect(assets.find('assets/missing.js')).resolves.toBeNull();
  });

  it.each([
    '../secret.txt',
    '%2e%2e/secret.txt',
    '..%2fsecret.txt',
    '%2fetc%2fpasswd',
    'a/../../secret.txt',
    '%E0%A4%A',
  ])('never leaves the build directory: %s', async (path) => expect(await assets.find(path)).toBeNull());

  it('says how to build it when the build is missing', async () => {
    const unbuilt = new DashboardAssets(join(directory, 'nowhere'));
    await expect(unbuilt.find('sip-users')).rejects.toThrow(ProblemException);
  });
});
