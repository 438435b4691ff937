import { cp, mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // ESM: the library and the CLI share chunks, so the CLI adds only its own code.
    entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    async onSuccess() {
      // The JSON Schema ships with the package so `"$schema"` can point into node_modules.
      const { sessionJsonSchema } = await import(pathToFileURL('dist/index.js').href);
      await writeFile('dist/session.schema.json', `${JSON.stringify(sessionJsonSchema(), null, 2)}\n`);
      // Example sessions for `stratdoc init --example NAME`.
      await mkdir('dist/examples', { recursive: true });
      await cp('fixtures/sessions', 'dist/examples', { recursive: true });
    },
  },
  {
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    // import.meta.url (used to find the built-in templates) needs a shim in CommonJS.
    shims: true,
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    clean: false,
    target: 'node20',
  },
]);
