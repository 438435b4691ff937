export { type AssetSource, type Env, memoryTemplates, type SourceFile, type TemplateSource } from './env.js';
export { builtInTemplatesDir, folderAssets, folderTemplates, nodeEnv } from './node-env.js';
