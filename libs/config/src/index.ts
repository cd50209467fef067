export * from './callwire-config';
export * from './config.module';
