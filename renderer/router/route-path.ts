/**
 * Declared hash routes (docs/architecture.md, "Core"). Hash URLs work from file:// in Electron
 * and need no server-side routes. A feature declares each of its paths once with `routePath`;
 * links and `navigate` take the `Href` it builds, so a wrong path or a missing parameter fails tsc.
 */

declare const hrefBrand: unique symbol;

/** A hash URL built by a declared route, never a hand-written string. */
export type Href = `#/${string}` & { readonly [hrefBrand]: true };

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** `'/services/:id'` → `{ id: string }`; a path without parameters → `{}`. */
export type RouteParams<P extends string> = { readonly [K in ParamNames<P>]: string };

export interface RoutePath<P extends string = string> {
  readonly pattern: P;
  href(...params: [ParamNames<P>] extends [never] ? [] : [params: RouteParams<P>]): Href;
  /** The parameters, decoded, when `path` (no `#`, no trailing slash) is this route; else null. */
  match(path: string): RouteParams<P> | null;
}

export function routePath<const P extends `/${string}`>(pattern: P): RoutePath<P> {
  const segments = pattern.split('/');
  return {
    pattern,
    href: (...args: unknown[]) => {
      const params = (args[0] ?? {}) as Record<string, string>;
      const path = segments
        .map((segment) =>
          segment.startsWith(':') ? encodeURIComponent(params[segment.slice(1)] ?? '') : segment,
        )
        .join('/');
      return `#${path}` as Href;
    },
    match: (path) => {
      const parts = path.split('/');
      if (parts.length !== segments.length) return null;
      const params: Record<string, string> = {};
      for (const [index, segment] of segments.entries()) {
        const part = parts[index] ?? '';
        if (!segment.startsWith(':')) {
          if (part !== segment) return null;
          continue;
        }
        if (part === '') return null;
        try {
          params[segment.slice(1)] = decodeURIComponent(part);
        } catch {
          // A malformed %-escape is not an id: the path matches no route.
          return null;
        }
      }
      return params as RouteParams<P>;
    },
  };
}
