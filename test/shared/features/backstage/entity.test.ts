import { describe, expect, it } from 'vitest';
import {
  BackstageEntity,
  EntityName,
  EntityNamespace,
  EntityTag,
  MetadataKey,
} from '../../../../shared/features/backstage/entity';

// The rules of Backstage's catalog-model (KubernetesValidatorFunctions, FieldFormatEntityPolicy)
// that decide whether the catalog backend accepts an entity without a warning.
describe('Backstage field rules', () => {
  it('names: 1–63 letters and digits, separated by single - _ or .', () => {
    for (const ok of ['a', 'payments-api', 'Legacy_Billing', 'v1.2', 'x'.repeat(63)]) {
      expect(EntityName.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['', '-a', 'a-', 'a--b', 'a b', 'a/b', 'x'.repeat(64)]) {
      expect(EntityName.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('namespaces: DNS labels, lowercase', () => {
    expect(EntityNamespace.safeParse('default').success).toBe(true);
    expect(EntityNamespace.safeParse('Default').success).toBe(false);
    expect(EntityNamespace.safeParse('team_a').success).toBe(false);
  });

  it('tags: lowercase words of [a-z0-9:+#] joined by single dashes, at most 63', () => {
    for (const ok of ['java', 'c++', 'c#', 'k8s:prod', 'node-js'])
      expect(EntityTag.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['Java', 'node js', 'node_js', '-x', 'a--b', 'x'.repeat(64)]) {
      expect(EntityTag.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('annotation and label keys: [DNS-subdomain prefix/]name', () => {
    for (const ok of ['pave.dev/tier', 'github.com/project-slug', 'backstage.io/techdocs-ref', 'simple']) {
      expect(MetadataKey.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['a/b/c', 'Pave.dev/tier', '/x', 'x/', 'pave.dev/-x']) {
      expect(MetadataKey.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('a Component needs spec.type, lifecycle and owner; a Group needs type and children', () => {
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'a' },
      spec: { type: 'service', lifecycle: 'production', owner: 'group:default/x' },
    };
    expect(BackstageEntity.safeParse(component).success).toBe(true);
    for (const field of ['type', 'lifecycle', 'owner'] as const) {
      const { [field]: _dropped, ...spec } = component.spec;
      const result = BackstageEntity.safeParse({ ...component, spec });
      expect(result.error?.issues[0]?.path).toEqual(['spec', field]);
    }
    const group = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'g' },
      spec: { type: 'team' },
    };
    expect(BackstageEntity.safeParse(group).error?.issues[0]?.path).toEqual(['spec', 'children']);
    expect(BackstageEntity.safeParse({ ...group, spec: { type: 'team', children: [] } }).success).toBe(true);
  });

  it('an unknown apiVersion or a misspelt spec field is refused, not passed on', () => {
    const base = { kind: 'System', metadata: { name: 's' }, spec: { owner: 'g' } };
    expect(BackstageEntity.safeParse({ ...base, apiVersion: 'backstage.io/v2' }).success).toBe(false);
    expect(
      BackstageEntity.safeParse({
        ...base,
        apiVersion: 'backstage.io/v1alpha1',
        spec: { owner: 'g', ownr: 'x' },
      }).success,
    ).toBe(false);
  });
});
