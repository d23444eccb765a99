import type { Database } from 'better-sqlite3';
import { Template } from '../../../../shared/features/self-service/api';

/** The last template list fetched from the platform, so the create form renders offline. */
export function storeTemplates(db: Database, templates: Template[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM templates').run();
    const insert = db.prepare('INSERT INTO templates (id, position, data) VALUES (?, ?, ?)');
    templates.forEach((template, index) => insert.run(template.id, index, JSON.stringify(template)));
  })();
}

export function cachedTemplates(db: Database): Template[] {
  const rows = db.prepare('SELECT data FROM templates ORDER BY position').all() as { data: string }[];
  return rows.map((row) => Template.parse(JSON.parse(row.data)));
}
