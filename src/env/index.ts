export {
  type AssetSource,
  type BuiltInFonts,
  type Env,
  type FontFileSet,
  memoryTemplates,
  type SourceFile,
  type TemplateSource,
} from './env.js';
export { builtInFonts, builtInTemplatesDir, folderAssets, folderTemplates, nodeEnv } from './node-env.js';
export { type FileToWrite, removePendingWrites, writeFileAtomic, writeFiles } from './write-files.js';
