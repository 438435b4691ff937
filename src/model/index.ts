export { type BuildModelOptions, buildModel } from './build-model.js';
export * from './types.js';
