export * from './api';
export * from './contract';
export * from './result';
