import { Global, Module } from '@nestjs/common';
import { type CallwireConfig, loadConfig } from './callwire-config';

/** Injection token for the process's CallwireConfig. */
export const CALLWIRE_CONFIG = Symbol('CALLWIRE_CONFIG');

@Global()
@Module({
  providers: [{ provide: CALLWIRE_CONFIG, useFactory: (): CallwireConfig => loadConfig() }],
  exports: [CALLWIRE_CONFIG],
})
export class ConfigModule {}
