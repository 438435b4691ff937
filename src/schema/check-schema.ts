import type { z } from 'zod';
import type { PathSegment } from '../diagnostics/diagnostic.js';
import type { SessionInput } from './index.js';
import { SessionSchema } from './session-schema.js';

/** A schema problem as plain data, independent of zod's classes. */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PathSegment[];
  /** zod's own English message, used when no better wording is known. */
  readonly message: string;
  readonly input?: unknown;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly format?: string;
  readonly pattern?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
}

/** Checks unknown data against the session schema; defaults are applied to the value. */
export function checkSchema(
  data: unknown,
): { ok: true; value: SessionInput } | { ok: false; issues: readonly SchemaIssue[] } {
  const result = SessionSchema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.map(toSchemaIssue) };
}

function toSchemaIssue(issue: z.core.$ZodIssue): SchemaIssue {
  const raw = issue as unknown as Record<string, unknown>;
  const pick = <K extends keyof SchemaIssue>(key: K) => (key in raw ? { [key]: raw[key] } : {});
  return {
    code: issue.code,
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
    ...pick('input'),
    ...pick('expected'),
    ...pick('values'),
    ...pick('keys'),
    ...pick('format'),
    ...(raw.pattern instanceof RegExp ? { pattern: raw.pattern.source } : pick('pattern')),
    ...pick('origin'),
    ...pick('minimum'),
    ...pick('maximum'),
  } as SchemaIssue;
}

/** What the schema says about the field at `path`: its description and, for objects, the allowed keys. */
export function describeField(path: readonly PathSegment[]): { description?: string; keys?: string[] } {
  let node: z.ZodType | undefined = SessionSchema;
  let description: string | undefined;
  const step = (s: z.ZodType | undefined) => {
    node = s;
    description = undefined;
  };
  for (const seg of path) {
    node = unwrap(node, (d) => {
      description ??= d;
    });
    if (!node) break;
    const def = node._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'object' && typeof seg === 'string') step((def.shape as Record<string, z.ZodType>)[seg]);
    else if (def.type === 'array' && typeof seg === 'number') step(def.element as z.ZodType);
    else step(undefined);
    if (node) description = node.description;
  }
  const inner = unwrap(node, (d) => {
    description ??= d;
  });
  const innerDef = inner?._zod.def as unknown as Record<string, unknown> | undefined;
  const keys = innerDef?.type === 'object' ? Object.keys(innerDef.shape as object) : undefined;
  return { ...(description ? { description } : {}), ...(keys ? { keys } : {}) };
}

function unwrap(node: z.ZodType | undefined, onDescription: (d: string) => void): z.ZodType | undefined {
  let current = node;
  while (current) {
    if (current.description) onDescription(current.description);
    const def = current._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') {
      current = def.innerType as z.ZodType;
    } else return current;
  }
  return current;
}
