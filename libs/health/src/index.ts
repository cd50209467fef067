export * from './readiness.module';
export * from './readiness.service';
