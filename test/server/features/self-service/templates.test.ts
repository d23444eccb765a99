import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
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
    const values = template.parameters.parse(tricky) as Record<string, unknown>;
    const files = await renderTemplate(path.join(defaultTemplatesDir, id), values);
    expect([...files.keys()].sort()).toEqual(expect.arrayContaining(['catalog-info.json', 'package.json']));
    const dir = await mkdtemp(path.join(tmpdir(), `pave-template-${id}-`));
    dirs.push(dir);
    for (const [file, content] of files) {
      expect(content, file).not.toMatch(/\{\{/);
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
      if (file.endsWith('.json')) expect(() => JSON.parse(content), file).not.toThrow();
      if (file.endsWith('.js')) await run(process.execPath, ['--check', path.join(dir, file)]);
    }
    const catalog = JSON.parse(files.get('catalog-info.json') ?? '{}') as { metadata: { title: string } };
    expect(catalog.metadata.title).toBe(tricky.title);
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
