export * from './options-request';
export * from './response';
export * from './probe';
export * from './message-summary';
