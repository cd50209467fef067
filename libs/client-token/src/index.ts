export * from './client-token';
