import { z } from 'zod';
import { text } from '../../api/text';

/**
 * The Backstage import and export over the platform API (issue 14): a source, the dry run's
 * report, the accepted import, and the export's scope.
 */

/** One file's text, as the app read it from the person's disk (a folder is several). */
export const SourceFile = z.object({
  path: text().min(1).max(500),
  // Checked for what PostgreSQL cannot store (NUL, broken characters), since parts of it are kept.
  text: text().max(2_000_000),
});
export type SourceFile = z.infer<typeof SourceFile>;

/** A git repository the platform clones (`git clone --depth 1`): http(s) or file URL. */
export const RepositoryUrl = text()
  .max(2000)
  .refine(
    (value) => /^(https?|file):\/\//.test(value),
    'a repository URL starts with http://, https:// or file://',
  );

export const ImportSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('files'), files: z.array(SourceFile).min(1).max(2000) }),
  z.object({ type: z.literal('repository'), url: RepositoryUrl }),
]);
export type ImportSource = z.infer<typeof ImportSource>;

export const ImportRequest = z.object({ source: ImportSource });
export type ImportRequest = z.infer<typeof ImportRequest>;

const Located = z.object({
  file: z.string(),
  /** 0-based position of the document in its file (`---` separated). */
  documentIndex: z.number().int().min(0),
});

export const PlannedEntity = Located.extend({
  kind: z.string(),
  name: z.string(),
  /** For updates: the fields that change. */
  changes: z.array(z.string()),
});
export type PlannedEntity = z.infer<typeof PlannedEntity>;

export const RefusedEntity = Located.extend({ kind: z.string(), name: z.string(), reason: z.string() });
export type RefusedEntity = z.infer<typeof RefusedEntity>;

export const SkippedDocument = Located.extend({ kind: z.string(), reason: z.string() });
export type SkippedDocument = z.infer<typeof SkippedDocument>;

export const ImportReport = z.object({
  create: z.array(PlannedEntity),
  update: z.array(PlannedEntity),
  unchanged: z.array(PlannedEntity),
  refused: z.array(RefusedEntity),
  skipped: z.array(SkippedDocument),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportAccepted = z.object({ operationId: z.string() });
export type ImportAccepted = z.infer<typeof ImportAccepted>;

export const ExportScope = z
  .string()
  .regex(/^(all|team:.+|service:.+)$/, 'scope is all, team:<id> or service:<id>')
  .default('all');
export const ExportQuery = z.object({ scope: ExportScope });

/** The export as JSON, for a client that asks with `Accept: application/json` (the desktop). */
export const ExportedYaml = z.object({ yaml: z.string() });
