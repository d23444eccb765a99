import { describe, expect, it } from 'vitest';
import { reportRows } from '../../../../renderer/features/backstage/ImportReportTable';
import { readPickedFiles } from '../../../../renderer/features/backstage/read-source';

const fileIn = (relativePath: string, text: string): File => {
  const file = new File([text], relativePath.split('/').at(-1) ?? relativePath);
  Object.defineProperty(file, 'webkitRelativePath', { value: relativePath });
  return file;
};

describe('the picked folder', () => {
  it('keeps the YAML files with their paths inside the folder, in path order', async () => {
    const files = await readPickedFiles([
      fileIn('repo/teams.yaml', 'b'),
      fileIn('repo/README.md', 'not yaml'),
      fileIn('repo/api/catalog-info.YML', 'a'),
    ]);
    expect(files).toEqual([
      { path: 'repo/api/catalog-info.YML', text: 'a' },
      { path: 'repo/teams.yaml', text: 'b' },
    ]);
  });

  it('a single picked file is named by its file name', async () => {
    expect(await readPickedFiles([new File(['x'], 'catalog-info.yaml')])).toEqual([
      { path: 'catalog-info.yaml', text: 'x' },
    ]);
  });
});

describe('the dry-run table', () => {
  it('lists every document once, in file and document order, with its changes or reason', () => {
    const rows = reportRows({
      create: [{ file: 'b.yaml', documentIndex: 0, kind: 'Group', name: 'g', changes: [] }],
      update: [
        { file: 'a.yaml', documentIndex: 1, kind: 'Component', name: 'c', changes: ['title', 'tier'] },
      ],
      unchanged: [],
      refused: [{ file: 'a.yaml', documentIndex: 0, kind: 'Component', name: 'x', reason: 'owner nobody' }],
      skipped: [{ file: 'b.yaml', documentIndex: 1, kind: 'User', reason: 'kind User' }],
    });
    expect(rows.map((row) => [row.file, row.documentIndex, row.outcome, row.detail])).toEqual([
      ['a.yaml', 0, 'refused', 'owner nobody'],
      ['a.yaml', 1, 'update', 'title, tier'],
      ['b.yaml', 0, 'create', ''],
      ['b.yaml', 1, 'skipped', 'kind User'],
    ]);
  });
});
