import { z } from 'zod';

/**
 * Text that can be stored (docs/architecture.md, "Sync and push"): PostgreSQL refuses NUL in
 * text and jsonb, and a lone UTF-16 surrogate is either refused (jsonb) or silently replaced.
 * Checked at every boundary (IPC input, REST request, push arguments) so a bad string is the
 * caller's error at once, never a change that waits in the outbox and fails on every push.
 */

export const TextProblem = {
  nul: 'contains a character that cannot be stored (NUL)',
  loneSurrogate: 'contains a broken character (lone surrogate)',
} as const;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `value` cannot be stored, in plain words, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return TextProblem.nul;
  if (LONE_SURROGATE.test(value)) return TextProblem.loneSurrogate;
  return null;
}

/** `z.string()` that refuses NUL and lone surrogates; chain `.min()`, `.max()`, … as usual. */
const storableText = z.string().check((ctx) => {
  const problem = textProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});
export const text = () => storableText;

// Parsed JSON, params and query strings are plain (or prototype-less) objects; buffers and
// streams (git packs, uploads) are not text.
const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
};

export interface BrokenText {
  /** Where in the value, e.g. `args.patch.title` (`(key)` when an object key is broken). */
  path: string;
  problem: string;
}

/**
 * The first string (value or object key) in `value` that cannot be stored. Iterative, so a
 * deeply nested body cannot overflow the stack; arguments typed `unknown` are covered too.
 */
export function findBrokenText(value: unknown, root = ''): BrokenText | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: v, path } = item;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path: path || '(value)', problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: v[i], path: join(path, i) });
    } else if (isPlainObject(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i] as [string, unknown];
        const problem = textProblem(key);
        if (problem) return { path: `${join(path, key)} (key)`, problem };
        stack.push({ value: child, path: join(path, key) });
      }
    }
  }
  return null;
}
