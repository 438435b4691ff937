import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/sessions.js';

// A consumer's view: the packed tarball installed into an empty project, used from ESM, CJS, TypeScript and npx.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 170_000 });

describe('the published package', () => {
  let project = '';
  let files: string[] = [];
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  beforeAll(() => {
    const packDir = mkdtempSync(join(tmpdir(), 'stratdoc-pack-'));
    // dist/ is built by `npm test` before the tests run; packing must not rebuild it.
    const packed = JSON.parse(
      run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT),
    ) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const tarball = join(packDir, packed[0]?.filename ?? '');
    files = packed[0]?.files.map((f) => f.path) ?? [];
    project = mkdtempSync(join(tmpdir(), 'stratdoc-consumer-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    run(npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);
  }, 180_000);

  it('ships only what users need', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/index.cjs',
        'dist/index.d.ts',
        'dist/cli.js',
        'dist/session.schema.json',
        'README.md',
        'LICENSE',
        'package.json',
      ]),
    );
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('tests/') || f.startsWith('fixtures/'))).toEqual(
      [],
    );
  });

  it('works from ESM', () => {
    const out = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      import { validateSession, buildModel, lintSession } from 'stratdoc';
      const r = validateSession({ session: { title: 'T', organisation: 'O', date: '2027-01-01' } });
      console.log(r.ok, lintSession(buildModel(r.value)).map((f) => f.code).join(','));
    `,
      ],
      project,
    );
    expect(out).toMatch(/^true P5-request-missing/);
  });

  it('works from CommonJS', () => {
    const out = run(
      process.execPath,
      [
        '-e',
        `
      const { validateSession, sessionJsonSchema } = require('stratdoc');
      const r = validateSession({ session: { title: 'T' } });
      console.log(r.ok, r.diagnostics[0].code, sessionJsonSchema().title);
    `,
      ],
      project,
    );
    expect(out.trim()).toBe('false schema/required stratdoc session');
  });

  it('type-checks a consumer with its declarations', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['index.ts'],
      }),
    );
    writeFileSync(
      join(project, 'index.ts'),
      `
      import { buildModel, lintSession, validateSession, type Finding, type SessionModel } from 'stratdoc';
      const r = validateSession({});
      if (r.ok) {
        const model: SessionModel = buildModel(r.value);
        const findings: Finding[] = lintSession(model, { locale: 'uk' });
        const first: string | undefined = findings[0]?.code;
        void first;
      } else {
        const path: readonly (string | number)[] = r.diagnostics[0]!.path;
        void path;
      }
    `,
    );
    // The repository's own compiler, so the check needs no download.
    run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
  });

  it('runs as `npx stratdoc`', () => {
    expect(run(npm, ['exec', '--no', '--', 'stratdoc', '--version'], project).trim()).toBe(version);
  });

  it('builds every artifact as PDF and HTML with the templates and fonts it ships', () => {
    run(npm, ['exec', '--no', '--', 'stratdoc', 'init', '.'], project);
    const args = ['session.yaml', '--out', 'out', '--format', 'pdf,html', '--no-diagrams'];
    run(npm, ['exec', '--no', '--', 'stratdoc', 'build', ...args], project);
    for (const artifact of ['decisions', 'resources', 'initiatives', 'control', 'poster', 'pack'])
      expect(
        readFileSync(join(project, 'out', `${artifact}.pdf`))
          .subarray(0, 5)
          .toString(),
        artifact,
      ).toBe('%PDF-');
    const pdf = readFileSync(join(project, 'out', 'decisions.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(project, 'out', 'decisions.html'), 'utf8')).toContain('Decision register');
  }, 120_000);
});
