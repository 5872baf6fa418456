/**
 * Turns ajv errors into positioned diagnostics: a misspelt key points at the key and
 * suggests the known one, a wrong enum value suggests the nearest allowed value, and
 * the noise of union types (anyOf) is folded into one message.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from './diagnostics.js';
import { didYouMean } from './suggest.js';
import { diag, locate, parsePointer, type YamlSource } from './yaml-source.js';

type SchemaLike = { properties?: Record<string, unknown>; type?: unknown; enum?: unknown[] };

function describeType(schema: unknown): string {
  const s = schema as {
    type?: unknown;
    enum?: unknown[];
    const?: unknown;
    anyOf?: unknown[];
    $ref?: string;
  };
  if (s.enum) return `one of ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (s.const !== undefined) return `\`${String(s.const)}\``;
  if (s.$ref === '#/$defs/text') return 'a text (a string, or a map of language code to string)';
  if (s.$ref === '#/$defs/strength') return 'strong, medium or weak';
  if (s.$ref === '#/$defs/id') return 'an id';
  if (s.$ref) return s.$ref.replace('#/$defs/', 'a ');
  if (typeof s.type === 'string') return article(s.type);
  return 'a valid value';
}

function article(t: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
  };
  return names[t] ?? t;
}

function show(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

export function schemaDiagnostics(src: YamlSource, errors: readonly ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // Union keywords: where a value failed an anyOf, its branches' own complaints about
  // that same value are noise; keep complaints about values deeper inside.
  const unionAt = new Set(
    errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath),
  );
  // A string that misses an enum branch of a union is best told as that enum's near miss.
  const enumAt = new Set(
    errors
      .filter((e) => e.keyword === 'enum' && typeof e.data === 'string')
      .map((e) => e.instancePath),
  );
  const isBranch = (e: ErrorObject) =>
    unionAt.has(e.instancePath) && !(e.keyword === 'enum' && typeof e.data === 'string');
  for (const e of errors) {
    const path = parsePointer(e.instancePath);
    const where = e.instancePath || '/';
    let d: Diagnostic | undefined;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const known = Object.keys((e.parentSchema as SchemaLike | undefined)?.properties ?? {});
        const keyPath = [...path, key];
        d = diag(
          src.file,
          'E_SCHEMA_UNKNOWN_KEY',
          `unknown key \`${key}\` in ${where}`,
          locate(src, keyPath, 'key'),
          {
            hint:
              didYouMean(key, known) ??
              (known.length ? `allowed keys: ${known.join(', ')}` : undefined),
            path: e.instancePath + '/' + key,
          },
        );
        break;
      }
      case 'required': {
        const key = String((e.params as { missingProperty: string }).missingProperty);
        // A misspelt key already says "did you mean `key`?": saying it is missing too is noise.
        const misspelt = errors.some(
          (o) =>
            o.keyword === 'additionalProperties' &&
            o.instancePath === e.instancePath &&
            didYouMean(String((o.params as { additionalProperty: string }).additionalProperty), [
              key,
            ]) !== undefined,
        );
        if (misspelt) continue;
        d = diag(
          src.file,
          'E_SCHEMA_MISSING_KEY',
          `missing required key \`${key}\` in ${where}`,
          locate(src, path, 'key'),
          {
            path: e.instancePath,
          },
        );
        break;
      }
      case 'type': {
        if (isBranch(e)) continue;
        d = diag(
          src.file,
          'E_SCHEMA_TYPE',
          `${where} must be ${article(String((e.params as { type: string }).type))}, not ${show(e.data)}`,
          locate(src, path),
          { path: e.instancePath },
        );
        break;
      }
      case 'enum': {
        if (isBranch(e)) continue;
        const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(
          String,
        );
        d = diag(
          src.file,
          'E_SCHEMA_VALUE',
          `${where} is ${show(e.data)}; allowed: ${allowed.join(', ')}`,
          locate(src, path),
          {
            hint: typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined,
            path: e.instancePath,
          },
        );
        break;
      }
      case 'anyOf':
      case 'oneOf': {
        const branches = ((e.parentSchema as { anyOf?: unknown[]; oneOf?: unknown[] } | undefined)
          ?.anyOf ??
          (e.parentSchema as { oneOf?: unknown[] } | undefined)?.oneOf ??
          []) as unknown[];
        // When the value has the shape of one branch, that branch's own errors say more.
        if (errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath + '/')))
          continue;
        if (enumAt.has(e.instancePath)) continue;
        d = diag(
          src.file,
          'E_SCHEMA_TYPE',
          `${where} must be ${branches.map(describeType).join(', or ')}; found ${show(e.data)}`,
          locate(src, path),
          { path: e.instancePath },
        );
        break;
      }
      case 'if':
      case 'then':
      case 'else':
        continue;
      default: {
        if (isBranch(e)) continue;
        // A condition's length is one of its size limits, promised as E_EXPR_TOO_LARGE
        // like its node and nesting limits (expressions.ts).
        if (e.keyword === 'maxLength' && e.schemaPath.endsWith('/expr/maxLength')) {
          const limit = (e.params as { limit: number }).limit;
          d = diag(
            src.file,
            'E_EXPR_TOO_LARGE',
            `the expression is ${String(e.data).length} characters long, over the limit of ${limit}; split it`,
            locate(src, path),
            { path: e.instancePath },
          );
          break;
        }
        const detail = e.keyword === 'pattern' ? patternMessage(e) : (e.message ?? 'is not valid');
        d = diag(
          src.file,
          'E_SCHEMA_VALUE',
          `${where} ${detail} (found ${show(e.data)})`,
          locate(src, path),
          {
            path: e.instancePath,
          },
        );
      }
    }
    const key = `${d.code}|${d.line}|${d.col}|${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

function patternMessage(e: ErrorObject): string {
  const p = String((e.params as { pattern: string }).pattern);
  if (p === '^[a-z][a-z0-9_]*$')
    return 'must be snake_case: a lowercase letter, then lowercase letters, digits or _';
  if (p.startsWith('^[a-z]{2,3}')) return 'must be a language code such as en, fr or pt-BR';
  if (p.startsWith('^(strong'))
    return 'must be strengths joined by |, such as strong or medium|weak';
  return `must match ${p}`;
}
