export * from './call-lifecycle';
export * from './call-resource';
