import Handlebars from 'handlebars';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import type { SourceFile, TemplateSource } from '../env/index.js';
import {
  type DateStyle,
  formatDate,
  formatDuration,
  formatList,
  formatMoney,
  formatNumber,
  formatPercent,
  formatTime,
} from '../format/index.js';
import { type Catalog, formatLabel, loadCatalog } from './catalog.js';
import { checkMarkupNames } from './markup.js';

/** Renders named templates with a view; every failure is a diagnostic naming the template file and line. */
export interface TemplateRenderer {
  readonly language: string;
  render(name: string, view: unknown): Result<{ markup: string; origin: string }>;
  /**
   * A new build with the same renderer (a watch's): the `memo` blocks the last build did not render again are
   * forgotten.
   */
  beginBuild?(): void;
  /** A label of the catalog with its `{name}` placeholders filled (plural by `count`), or null when there is none. */
  label(key: string, params?: Readonly<Record<string, unknown>>): string | null;
}

interface HelperOptions {
  readonly hash: Record<string, unknown>;
  readonly loc?: { readonly start: { readonly line: number; readonly column: number } };
  /** A block helper's block, rendered with a context. */
  readonly fn?: (context: unknown) => string;
  readonly data?: {
    readonly index?: number;
    readonly first?: boolean;
    readonly last?: boolean;
    readonly key?: unknown;
  };
}

/**
 * Text of `memo` blocks by what they were rendered from, kept by a renderer across builds: the blocks the build
 * before the last did not render are dropped at each build's start.
 */
export class BlockMemo {
  private current = new Map<string, string>();
  private previous = new Map<string, string>();

  get(key: string): string | undefined {
    let text = this.current.get(key);
    if (text === undefined) {
      text = this.previous.get(key);
      if (text !== undefined) this.current.set(key, text);
    }
    return text;
  }

  set(key: string, text: string): void {
    this.current.set(key, text);
  }

  nextBuild(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** A failure inside a helper, carrying the template position Handlebars gave the helper. */
class HelperError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly hint: string,
    readonly loc: HelperOptions['loc'],
  ) {
    super(message);
  }
}

/** Partial names: letters, digits, `-`, `_`, with `/` between folders; never `..`, never absolute. */
const PARTIAL_NAME = /^[A-Za-z0-9][\w-]*(\/[A-Za-z0-9][\w-]*)*$/;

/** The helpers every template can use, bound to a language and its catalog. */
export function templateHelpers(
  language: string,
  catalog: Catalog,
  memo?: BlockMemo,
): Record<string, (...args: unknown[]) => unknown> {
  const optionsOf = (args: unknown[]) => args[args.length - 1] as HelperOptions;
  const valuesOf = (args: unknown[]) => args.slice(0, -1);
  const helpers: Record<string, (...args: unknown[]) => unknown> = {
    /** `{{t "decisions.heading"}}`, `{{t "status" status}}` (keys joined by dots), `{{t "n.items" count=3}}`. */
    t: (...args) => {
      const options = optionsOf(args);
      const key = args.length === 2 ? String(args[0]) : valuesOf(args).map(String).join('.');
      const label = catalog.get(key);
      if (label === undefined) {
        throw new HelperError(
          `There is no label "${key}" in the ${language} catalog.`,
          'template/missing-label',
          `Add "${key}" to locales/${language}.json (and the other languages).`,
          options.loc,
        );
      }
      // Most labels have nothing to put in: taken as they are (a template calls this thousands of times).
      if (typeof label === 'string' && !label.includes('{')) return label;
      return formatLabel(label, language, options.hash);
    },
    date: (...args) => {
      const [value, style] = valuesOf(args);
      return value == null ? '' : formatDate(String(value), language, (style as DateStyle | undefined) ?? 'long');
    },
    number: (...args) => {
      const [value, digits] = valuesOf(args);
      return value == null ? '' : formatNumber(Number(value), language, digits === undefined ? 2 : Number(digits));
    },
    money: (...args) => {
      const [amount, currency] = valuesOf(args);
      const options = optionsOf(args);
      if (amount == null) return '';
      if (!currency) {
        throw new HelperError(
          'money needs a currency.',
          'template/helper',
          'Write {{money amount currency}}.',
          options.loc,
        );
      }
      return formatMoney(Number(amount), String(currency), language);
    },
    percent: (...args) => {
      const [value, digits] = valuesOf(args);
      return value == null ? '' : formatPercent(Number(value), language, digits === undefined ? 0 : Number(digits));
    },
    duration: (...args) => {
      const [minutes] = valuesOf(args);
      return minutes == null ? '' : formatDuration(Number(minutes), language);
    },
    time: (...args) => {
      const [minutes] = valuesOf(args);
      return minutes == null ? '' : formatTime(Number(minutes));
    },
    /** `{{join names}}` → "a, b and c"; `{{join items "title"}}` joins one field of each object. */
    join: (...args) => {
      const [list, field] = valuesOf(args);
      if (!Array.isArray(list)) return '';
      const items = list.map((x) =>
        field && x && typeof x === 'object' ? String((x as Record<string, unknown>)[String(field)] ?? '') : String(x),
      );
      return formatList(items, language);
    },
    eq: (...args) => {
      const [a, b] = valuesOf(args);
      return a === b;
    },
    ne: (...args) => {
      const [a, b] = valuesOf(args);
      return a !== b;
    },
    gt: (...args) => Number(valuesOf(args)[0]) > Number(valuesOf(args)[1]),
    gte: (...args) => Number(valuesOf(args)[0]) >= Number(valuesOf(args)[1]),
    lt: (...args) => Number(valuesOf(args)[0]) < Number(valuesOf(args)[1]),
    lte: (...args) => Number(valuesOf(args)[0]) <= Number(valuesOf(args)[1]),
    and: (...args) => valuesOf(args).every(Boolean),
    or: (...args) => valuesOf(args).some(Boolean),
    not: (...args) => !valuesOf(args)[0],
    /** `{{inc @index}}`: one more, for 1-based numbering. */
    inc: (...args) => Number(valuesOf(args)[0]) + 1,
    /**
     * `{{#memo "row" this}}…{{/memo}}`: the block as it is, rendered once for what it is given (the name, the values,
     * the hash, and `@index`, `@first`, `@last`, `@key`) and taken as it was when a watch renders the same again. The
     * block must depend on nothing else: pass what it reads of a parent context (`../x`) or `@root` as a value.
     */
    memo(this: unknown, ...args: unknown[]) {
      const options = optionsOf(args) as HelperOptions;
      const block = options.fn;
      if (!block)
        throw new HelperError(
          '"memo" is a block helper.',
          'template/helper',
          'Write {{#memo "name" this}}…{{/memo}} around the part to keep.',
          options.loc,
        );
      if (!memo) return block(this);
      const d = options.data ?? {};
      const key = JSON.stringify([valuesOf(args), options.hash, d.index, d.first, d.last, d.key]);
      let text = memo.get(key);
      if (text === undefined) {
        text = block(this);
        memo.set(key, text);
      }
      return text;
    },
  };
  // Handlebars prefers a helper to a field of the same name, so `{{date}}` would call the helper and print
  // nothing. A helper called without a value therefore fails loudly and says how to reach the field.
  for (const [name, fn] of Object.entries(helpers)) {
    // A function, not an arrow: a block helper renders its block with the context Handlebars calls it with.
    helpers[name] = function (this: unknown, ...args: unknown[]) {
      if (args.length === 1) {
        throw new HelperError(
          `"${name}" is a helper and needs a value here.`,
          'template/helper',
          `Write {{${name} someField}}; to print a field that is itself called "${name}", write {{this.${name}}}.`,
          optionsOf(args).loc,
        );
      }
      return fn.apply(this, args);
    };
  }
  return helpers;
}

/**
 * A Handlebars environment of its own (`Handlebars.create()`): strict mode, prototype access blocked (the
 * Handlebars default, kept), the stratdoc helpers, and partials resolved only inside the template roots.
 */
export function createTemplateRenderer(
  source: TemplateSource,
  language: string,
  options: {
    /** Keep the text of `memo` blocks from render to render (a watch's renderer, used build after build). */
    readonly memo?: boolean;
  } = {},
): Result<TemplateRenderer> {
  const loaded = loadCatalog(source, language);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: loaded.diagnostics };
  const hb = Handlebars.create();
  // Handlebars logs denied prototype access to the console; the strict mode error already reports it.
  hb.log = () => undefined;
  const memo = options.memo ? new BlockMemo() : undefined;
  for (const [name, fn] of Object.entries(templateHelpers(language, loaded.catalog, memo))) hb.registerHelper(name, fn);

  const compiled = new Map<string, { template: Handlebars.TemplateDelegate; origin: string } | Diagnostic[]>();
  const registered = new Set<string>();

  /** Loads a template or partial file, checks its markup and partials, and compiles it. */
  const prepare = (file: SourceFile, diagnostics: Diagnostic[]): Handlebars.TemplateDelegate | null => {
    let ast: hbs.AST.Program;
    try {
      ast = hb.parse(file.text);
    } catch (error) {
      diagnostics.push(syntaxDiagnostic(error as Error, file.origin));
      return null;
    }
    diagnostics.push(...checkMarkupNames(file.text, file.origin));
    for (const partial of partialsOf(ast)) {
      if (partial.name === null || !PARTIAL_NAME.test(partial.name)) {
        diagnostics.push({
          code: 'template/partial-refused',
          severity: 'error',
          path: [],
          file: file.origin,
          location: partial.loc,
          message: `Partial ${partial.name === null ? '(computed name)' : `"${partial.name}"`} is refused: partials resolve only inside the template folders.`,
          hint: 'Name partials by a plain path inside partials/, such as {{> footer}} or {{> memo/economics}}.',
        });
        continue;
      }
      if (registered.has(partial.name)) continue;
      registered.add(partial.name);
      const partialFile = source.read(`partials/${partial.name}.hbs`);
      if (!partialFile) {
        diagnostics.push({
          code: 'template/partial-missing',
          severity: 'error',
          path: [],
          file: file.origin,
          location: partial.loc,
          message: `There is no partial "${partial.name}".`,
          hint: `Create partials/${partial.name}.hbs in a template folder.`,
        });
        continue;
      }
      const compiledPartial = prepare(partialFile, diagnostics);
      if (compiledPartial) hb.registerPartial(partial.name, compiledPartial);
    }
    return hb.compile(file.text, { strict: true, preventIndent: true });
  };

  const renderer: TemplateRenderer = {
    language,
    beginBuild: () => memo?.nextBuild(),
    label(key, params = {}) {
      const label = loaded.catalog.get(key);
      return label === undefined ? null : formatLabel(label, language, params);
    },
    render(name, view) {
      let entry = compiled.get(name);
      if (!entry) {
        const file = source.read(`${name}.hbs`);
        const diagnostics: Diagnostic[] = [];
        if (!file) {
          diagnostics.push({
            code: 'template/not-found',
            severity: 'error',
            path: [],
            message: `There is no template "${name}.hbs".`,
            hint: 'Template names are artifact ids; a user folder given with --templates overrides a built-in one of the same name.',
          });
        }
        const template = file ? prepare(file, diagnostics) : null;
        entry = template && file && diagnostics.length === 0 ? { template, origin: file.origin } : diagnostics;
        compiled.set(name, entry);
      }
      if (Array.isArray(entry)) return { ok: false, diagnostics: entry };
      try {
        const markup = entry.template(view, {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
        });
        return { ok: true, value: { markup, origin: entry.origin }, warnings: [] };
      } catch (error) {
        return { ok: false, diagnostics: [runtimeDiagnostic(error as Error, entry.origin)] };
      }
    },
  };
  return { ok: true, value: renderer, warnings: loaded.diagnostics };
}

interface PartialRef {
  readonly name: string | null;
  readonly loc: { line: number; column: number };
}

/** Every partial a template refers to, at any depth of its blocks. */
function partialsOf(program: hbs.AST.Program): PartialRef[] {
  const out: PartialRef[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & { type?: string; loc?: { start: { line: number; column: number } } };
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const name = n.name as { type: string; original?: unknown };
      out.push({
        name: name.type === 'PathExpression' || name.type === 'StringLiteral' ? String(name.original) : null,
        loc: { line: n.loc?.start.line ?? 1, column: (n.loc?.start.column ?? 0) + 1 },
      });
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) for (const v of value) visit(v);
      else if (value && typeof value === 'object' && value !== n.loc) visit(value);
    }
  };
  visit(program);
  return out;
}

function syntaxDiagnostic(error: Error, origin: string): Diagnostic {
  const line = /on line (\d+)/.exec(error.message);
  return {
    code: 'template/syntax',
    severity: 'error',
    path: [],
    file: origin,
    ...(line ? { location: { line: Number(line[1]), column: 1 } } : {}),
    message: `The template does not parse: ${error.message.split('\n').slice(-1)[0]}`,
    hint: 'Check that every {{#block}} has its {{/block}} and every {{ has its }}.',
  };
}

function runtimeDiagnostic(error: Error, origin: string): Diagnostic {
  if (error instanceof HelperError) {
    return {
      code: error.code,
      severity: 'error',
      path: [],
      file: origin,
      ...(error.loc ? { location: { line: error.loc.start.line, column: error.loc.start.column + 1 } } : {}),
      message: error.message,
      hint: error.hint,
    };
  }
  const e = error as Error & { lineNumber?: number; column?: number };
  const missing = /^"(.+?)" not defined in/.exec(e.message);
  return {
    code: missing ? 'template/missing-field' : 'template/render',
    severity: 'error',
    path: [],
    file: origin,
    ...(e.lineNumber ? { location: { line: e.lineNumber, column: (e.column ?? 0) + 1 } } : {}),
    message: missing
      ? `The template uses "${missing[1]}", which the view does not have.`
      : `The template failed: ${e.message.replace(/ - \d+:\d+$/, '')}`,
    hint: missing
      ? 'Check the spelling against the view model of this artifact (docs/templates.md), or guard it with {{#if}}.'
      : 'Check the helper arguments at this place.',
  };
}
