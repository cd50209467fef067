export * from './api-key-secret';
export * from './principal';
