/**
 * Backstage entity references, `[kind:][namespace/]name` (descriptor format, "String References"):
 * the kind defaults to what the field expects (`group` for an owner), the namespace to `default`.
 */
export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

export function parseEntityRef(ref: string, defaultKind: string): EntityRef | null {
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(ref.trim());
  if (!match) return null;
  const [, kind, namespace, name] = match;
  return {
    kind: (kind ?? defaultKind).toLowerCase(),
    namespace: (namespace ?? 'default').toLowerCase(),
    name: name ?? '',
  };
}

/** How Pave writes an owner: always the full form, which Backstage reads without guessing. */
export const groupRef = (slug: string): string => `group:default/${slug}`;
