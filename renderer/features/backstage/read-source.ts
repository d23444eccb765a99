import type { SourceFile } from '../../../shared/features/backstage/api';

/** Backstage's catalog files are YAML; a picked folder's other files are left on the disk. */
const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

/**
 * What the person picked, as the import's files: each YAML file's path inside the picked folder
 * (or its name, for single files) and its text, in path order, so the dry run reads like the
 * folder does.
 */
export async function readPickedFiles(files: readonly File[]): Promise<SourceFile[]> {
  const picked = files
    .filter((file) => isYaml(file.name))
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return Promise.all(picked.map(async ({ file, path }) => ({ path, text: await file.text() })));
}
