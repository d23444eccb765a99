import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const defaultTemplatesDir = fileURLToPath(
  new URL('../../../../resources/templates/', import.meta.url),
);

/** `{{name}}` inserts the value as text; `{{json name}}` inserts it as a JSON literal (for JS/JSON). */
const PLACEHOLDER = /\{\{\s*(json\s+)?([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

export function renderText(source: string, values: Record<string, unknown>, file: string): string {
  return source.replace(PLACEHOLDER, (_match, json: string | undefined, name: string) => {
    if (!(name in values)) throw new Error(`${file}: unknown placeholder {{${name}}}`);
    const value = values[name];
    return json ? JSON.stringify(value) : String(value);
  });
}

/** Every file of a template, rendered: relative path → content. */
export async function renderTemplate(
  templateDir: string,
  values: Record<string, unknown>,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const relative = path.relative(templateDir, full).split(path.sep).join('/');
        files.set(relative, renderText(await readFile(full, 'utf8'), values, relative));
      }
    }
  };
  await walk(templateDir);
  return files;
}
