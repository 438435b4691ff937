import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/sessions.js';

const BIOME = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');

function biomeLint(cwd: string, target: string) {
  const r = spawnSync(process.execPath, [BIOME, 'lint', '--colors=off', target], { cwd, encoding: 'utf8' });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('import boundaries (DESIGN.md §7)', () => {
  it('the source tree passes the linter and formatter', () => {
    const r = spawnSync(process.execPath, [BIOME, 'check', '--colors=off', 'src', 'tests'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  });

  it('refuses writers that import schema/ or model/, and code outside schema/ that imports zod', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratdoc-boundary-'));
    copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    };
    write(
      'src/writers/pdf/reads-model.ts',
      "import type { SessionModel } from '../../model/index.js';\nexport type X = SessionModel;\n",
    );
    write(
      'src/writers/docx/reads-schema.ts',
      "import { SessionSchema } from '../../schema/session-schema.js';\nexport const x = SessionSchema;\n",
    );
    write(
      'src/writers/html/reads-doctree.ts',
      "import type { DocTree } from '../../doctree/index.js';\nexport type X = DocTree;\n",
    );
    write('src/lint/uses-zod.ts', "import { z } from 'zod';\nexport const x = z.string();\n");
    write('src/schema/uses-zod.ts', "import { z } from 'zod';\nexport const x = z.string();\n");
    const r = biomeLint(dir, 'src');
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/src\/writers\/pdf\/reads-model\.ts.*noRestrictedImports/);
    expect(r.output).toMatch(/src\/writers\/docx\/reads-schema\.ts.*noRestrictedImports/);
    expect(r.output).toMatch(/src\/lint\/uses-zod\.ts.*noRestrictedImports/);
    expect(r.output).not.toMatch(/reads-doctree\.ts.*noRestrictedImports/);
    expect(r.output).not.toMatch(/src\/schema\/uses-zod\.ts.*noRestrictedImports/);
  });
});
