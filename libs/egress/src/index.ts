export * from './egress-failure';
export * from './egress-http';
export * from './egress-policy';
export * from './egress.module';
