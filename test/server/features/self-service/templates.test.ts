import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ComponentEntity } from '../../../../shared/features/backstage/entity';
import { templateDefinitions } from '../../../../server/features/self-service/templates/definitions';
import {
  defaultTemplatesDir,
  renderTemplate,
  renderText,
} from '../../../../server/features/self-service/templates/render-template';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

// Values with quotes, backslashes and newlines: a placeholder must never break the generated code.
const tricky = {
  name: 'tricky-svc',
  title: 'It\'s "quoted" \\ and\nmultiline',
  description: '</script> `${process.exit(1)}`',
  ownerTeamId: 'team-1',
  tier: 2,
};

describe.each(templateDefinitions.map((t) => [t.id, t] as const))('template %s', (id, template) => {
  it('renders to valid JSON and JavaScript that Node accepts', async () => {
    // ownerTeamSlug: the owner's slug, which create-service looks up for catalog-info.yaml.
    const values: Record<string, unknown> = {
      ...template.parameters.parse(tricky),
      ownerTeamSlug: 'payments',
    };
    const files = await renderTemplate(path.join(defaultTemplatesDir, id), values);
    expect([...files.keys()].sort()).toEqual(expect.arrayContaining(['catalog-info.yaml', 'package.json']));
    const dir = await mkdtemp(path.join(tmpdir(), `pave-template-${id}-`));
    dirs.push(dir);
    for (const [file, content] of files) {
      expect(content, file).not.toMatch(/\{\{/);
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
      if (file.endsWith('.json')) expect(() => JSON.parse(content), file).not.toThrow();
      if (file.endsWith('.js')) await run(process.execPath, ['--check', path.join(dir, file)]);
    }
    // catalog-info.yaml is a Backstage Component that Backstage's rules accept, title intact.
    const catalog = ComponentEntity.parse(parseYaml(files.get('catalog-info.yaml') ?? ''));
    expect(catalog.metadata).toMatchObject({ name: 'tricky-svc', title: tricky.title });
    expect(catalog.metadata.annotations).toEqual({ 'pave.dev/tier': '2' });
    expect(catalog.spec.owner).toBe('group:default/payments');
  });

  it('declares a parameter schema that rejects a bad service name', () => {
    expect(template.parameters.safeParse({ ...tricky, name: 'Bad Name' }).success).toBe(false);
    expect(template.start.length).toBeGreaterThan(0);
    expect(template.healthPath).toBe('/healthz');
  });
});

describe('renderText', () => {
  it('fails on an unknown placeholder instead of leaving it in the output', () => {
    expect(() => renderText('hello {{nope}}', {}, 'x.txt')).toThrow(/unknown placeholder \{\{nope\}\}/);
  });
  it('inserts JSON literals with {{json name}}', () => {
    expect(renderText('const t = {{json title}};', { title: 'a"b' }, 'x.js')).toBe('const t = "a\\"b";');
  });
});
