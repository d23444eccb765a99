import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const folders = ['electron', 'renderer', 'server', 'shared', 'scripts', 'test'];

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mjs|cjs|sql)$/.test(entry.name)) yield path;
  }
}

describe('docs/architecture.md', () => {
  it('has every section the code cites', () => {
    const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
    const sections = new Set([...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]));
    const missing: string[] = [];
    let citations = 0;
    for (const folder of folders) {
      for (const file of sourceFiles(join(root, folder))) {
        for (const match of readFileSync(file, 'utf8').matchAll(/docs\/architecture\.md,\s+"([^"]+)"/g)) {
          citations++;
          // A citation may wrap inside a comment: "Add a\n * feature".
          const section = (match[1] ?? '').replace(/\s*\n\s*(?:\*|\/\/|--)?\s*/g, ' ');
          if (!sections.has(section)) missing.push(`${file.slice(root.length + 1)}: "${section}"`);
        }
      }
    }
    expect(citations).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
