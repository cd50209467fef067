export * from './options-request';
export * from './response';
export * from './probe';
