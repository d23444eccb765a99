import type { Pool } from 'pg';
import { ImportRequest } from '../../../shared/features/backstage/api';
import { ExecutorError, type Executor } from '../operations/public';
import { applyImport } from './apply-import';
import { sourceFiles } from './clone-source';
import { parseCatalogFiles } from './parse-documents';

/**
 * The `catalog.import` operation (docs/architecture.md, "Operations"): reads the source kept for
 * it, applies the import in one transaction, and logs each write and what was refused or skipped,
 * so the app shows its progress like any other operation's.
 */
export function importExecutor(pool: Pool): Executor {
  return {
    async run(ctx) {
      const { rows } = await pool.query<{ request: unknown }>(
        'SELECT request FROM backstage_import_requests WHERE operation_id = $1',
        [ctx.operation.id],
      );
      const request = ImportRequest.safeParse(rows[0]?.request);
      if (!request.success)
        throw new ExecutorError('not_found', 'the import request of this operation is gone');
      await ctx.progress(0.05, 'reading the catalog files');
      const files = await sourceFiles(request.data.source, ctx.signal).catch((error: unknown) => {
        throw new ExecutorError('validation_failed', (error as Error).message);
      });
      const documents = parseCatalogFiles(files);
      await ctx.log(`read ${documents.length} documents from ${files.length} files`);
      await ctx.progress(0.2, `applying ${documents.length} documents in one transaction`);
      const { report, writes } = await applyImport(pool, ctx.operation.requestedBy, documents);
      await ctx.progress(0.9, 'applied');
      for (const what of writes) await ctx.log(what);
      for (const refused of report.refused) {
        await ctx.log(
          `refused ${refused.file} #${refused.documentIndex} ${refused.kind} ${refused.name}: ${refused.reason}`,
          'warn',
        );
      }
      for (const skipped of report.skipped) {
        await ctx.log(`skipped ${skipped.file} #${skipped.documentIndex} ${skipped.kind}: ${skipped.reason}`);
      }
      const counts = {
        created: report.create.length,
        updated: report.update.length,
        unchanged: report.unchanged.length,
        refused: report.refused.length,
        skipped: report.skipped.length,
      };
      await ctx.log(
        `import done: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.refused} refused, ${counts.skipped} skipped`,
      );
      return counts;
    },
    // The kept source goes with the operation's end, whatever ended it.
    async settle(tx, operation) {
      await tx.query('DELETE FROM backstage_import_requests WHERE operation_id = $1', [operation.id]);
    },
  };
}
