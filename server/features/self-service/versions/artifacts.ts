import { execFile } from 'node:child_process';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where a version built by a deploy is packed: <dataDir>/artifacts/<serviceId>/<sha>.tar.gz. */
export const artifactFileFor = (dataDir: string, serviceId: string, sha: string) =>
  path.join(dataDir, 'artifacts', serviceId, `${sha}.tar.gz`);

/** Packs a built version directory (tar + gzip); written aside and renamed, so never half there. */
export async function packArtifact(dir: string, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  try {
    await run('tar', ['-czf', partial, '-C', dir, '.'], { maxBuffer: 1 << 20 });
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

/**
 * Unpacks an artifact into `dir` through a sibling scratch directory renamed into place, so a
 * crash mid-way never leaves a half version directory that a later deploy would trust.
 */
export async function extractArtifact(file: string, dir: string): Promise<void> {
  const scratch = `${dir}.${process.pid}.extracting`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  try {
    await run('tar', ['-xzf', file, '-C', scratch], { maxBuffer: 1 << 20 });
    await rm(dir, { recursive: true, force: true });
    await rename(scratch, dir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
