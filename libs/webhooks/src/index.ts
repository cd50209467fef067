export * from './event-types';
export * from './signature';
export * from './secret-box';
export * from './delivery-job';
export * from './fetch-failure';
