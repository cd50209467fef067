import type { Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { CALLWIRE_CONFIG, type CallwireConfig, loadConfig } from '@callwire/config';

/** Settings (environment variable names and values) a harness gives its app on top of the run's environment. */
export type AppSettings = Readonly<Record<string, string>>;

/** The configuration an app would load from the run's environment with `settings` on top. */
export function configWith(settings: AppSettings = {}): CallwireConfig {
  return loadConfig({ ...process.env, ...settings });
}

/**
 * Compiles an app's root module with `config` as its CallwireConfig: harnesses pass their app's settings as
 * parameters instead of writing them into process.env for the app to find (and every later app of the file).
 */
export function compileWithConfig(module: Type, config: CallwireConfig): Promise<TestingModule> {
  return Test.createTestingModule({ imports: [module] })
    .overrideProvider(CALLWIRE_CONFIG)
    .useValue(config)
    .compile();
}
