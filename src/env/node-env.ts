import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { folderCache } from '../diagrams/cache.js';
import { createChromiumRenderer, findBrowser } from '../diagrams/render.js';
import type { AssetSource, BuiltInFonts, Env, TemplateSource } from './env.js';

/** The package's own templates folder: beside dist/ when built, beside src/ in development. */
export function builtInTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'locales', 'en.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('stratdoc: the built-in templates folder is missing from the installation');
}

/** Templates from folders on disk: user folders first, then the built-in templates. */
export function folderTemplates(userDirs: readonly string[] = []): TemplateSource {
  const roots = [...userDirs.map((d) => resolve(d)), builtInTemplatesDir()];
  const inside = (root: string, path: string) => {
    if (isAbsolute(path)) return null;
    const full = resolve(root, path);
    // Refuse anything that resolves outside its root, whatever the path says.
    const rel = relative(root, full);
    if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
    return full;
  };
  const readFrom = (root: string, path: string) => {
    const full = inside(root, path);
    if (!full || !existsSync(full) || !statSync(full).isFile()) return null;
    const origin = root === roots[roots.length - 1] ? `templates/${path}` : full;
    return { text: readFileSync(full, 'utf8'), origin };
  };
  return {
    read(path) {
      for (const root of roots) {
        const file = readFrom(root, path);
        if (file) return file;
      }
      return null;
    },
    readAll(path) {
      return [...roots]
        .reverse()
        .map((root) => readFrom(root, path))
        .filter((f): f is NonNullable<typeof f> => f !== null);
    },
  };
}

/** Assets relative to a base folder (the session file's). */
export function folderAssets(baseDir: string): AssetSource {
  return {
    read(path) {
      const full = resolve(baseDir, path);
      return existsSync(full) && statSync(full).isFile() ? new Uint8Array(readFileSync(full)) : null;
    },
  };
}

let builtIn: BuiltInFonts | undefined;

/**
 * The built-in fonts from their npm packages: Roboto (regular, bold, italic, bold italic) for text, and
 * DejaVu Sans as the fallback for symbols Roboto lacks (₴, arrows, check marks). Read once per process.
 */
export function builtInFonts(): BuiltInFonts {
  if (!builtIn) {
    const require = createRequire(import.meta.url);
    const file = (id: string) => new Uint8Array(readFileSync(require.resolve(id)));
    builtIn = {
      family: 'Roboto',
      main: {
        regular: file('@expo-google-fonts/roboto/400Regular/Roboto_400Regular.ttf'),
        bold: file('@expo-google-fonts/roboto/700Bold/Roboto_700Bold.ttf'),
        italic: file('@expo-google-fonts/roboto/400Regular_Italic/Roboto_400Regular_Italic.ttf'),
        boldItalic: file('@expo-google-fonts/roboto/700Bold_Italic/Roboto_700Bold_Italic.ttf'),
      },
      fallback: {
        regular: file('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
        bold: file('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
        italic: file('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
        boldItalic: file('dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf'),
      },
    };
  }
  return builtIn;
}

/** The environment of a build on Node: templates from disk (user folders first), assets beside the session. */
export function nodeEnv(
  options: {
    templatesDir?: string | readonly string[];
    baseDir?: string;
    /** Folder of the diagram cache, or null for none; diagrams are not drawn at all when `diagrams` is false. */
    cacheDir?: string | null;
    diagrams?: boolean;
  } = {},
): Env {
  const dirs =
    options.templatesDir === undefined
      ? []
      : typeof options.templatesDir === 'string'
        ? [options.templatesDir]
        : options.templatesDir;
  const browser = options.diagrams === false ? null : findBrowser();
  return {
    templates: folderTemplates(dirs),
    assets: folderAssets(options.baseDir ?? process.cwd()),
    fonts: builtInFonts,
    diagrams: {
      renderer: browser
        ? () => {
            const fonts = builtInFonts();
            return createChromiumRenderer({
              executablePath: browser,
              font: {
                family: fonts.family,
                regular: fonts.main.regular,
                ...(fonts.main.bold ? { bold: fonts.main.bold } : {}),
              },
            });
          }
        : null,
      cache: options.cacheDir ? folderCache(options.cacheDir) : null,
    },
  };
}
