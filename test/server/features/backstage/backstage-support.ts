import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ImportReport, SourceFile } from '../../../../shared/features/backstage/api';
import type { Operation } from '../../../../shared/features/operations/api';
import { waitFor } from '../../../harness/wait-for';
import type { apiClient } from '../../api-client';

export type Api = ReturnType<typeof apiClient>;

export const goldenDir = fileURLToPath(new URL('../../../fixtures/backstage/golden/', import.meta.url));

/** A folder's YAML files as the app sends them: relative path and text, in path order. */
export async function readFolder(dir: string, prefix = ''): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const entry of (await readdir(path.join(dir, prefix), { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await readFolder(dir, relative)));
    else if (/\.ya?ml$/.test(entry.name))
      files.push({ path: relative, text: await readFile(path.join(dir, relative), 'utf8') });
  }
  return files;
}

const byPlace = <T extends { file: string; documentIndex: number }>(items: T[]): T[] =>
  [...items].sort((a, b) => a.file.localeCompare(b.file) || a.documentIndex - b.documentIndex);

/** The report with each list in file and document order, so expectations read like the files. */
export function ordered(report: ImportReport): ImportReport {
  return {
    create: byPlace(report.create),
    update: byPlace(report.update),
    unchanged: byPlace(report.unchanged),
    refused: byPlace(report.refused),
    skipped: byPlace(report.skipped),
  };
}

export async function dryRun(api: Api, files: SourceFile[]): Promise<ImportReport> {
  const { status, body } = await api('POST', '/v1/catalog/imports/dry-run', {
    source: { type: 'files', files },
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return ordered(body as ImportReport);
}

/** Applies an import and waits for its operation to finish (the signal). */
export async function applyFiles(api: Api, files: SourceFile[]): Promise<Operation> {
  const accepted = await api('POST', '/v1/catalog/imports', { source: { type: 'files', files } });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  const { operationId } = accepted.body as { operationId: string };
  return waitFor(
    async () => {
      const { body } = await api('GET', `/v1/operations/${operationId}`);
      const operation = body as Operation;
      return ['succeeded', 'failed', 'cancelled'].includes(operation.status) && operation;
    },
    { what: `import operation ${operationId} finished` },
  );
}
