import { parseAllDocuments } from 'yaml';
import type { SourceFile } from '../../../shared/features/backstage/api';

/** One YAML document of a source file: its plain value, or why it could not be read. */
export type ParsedDocument =
  | { file: string; documentIndex: number; value: unknown }
  | { file: string; documentIndex: number; error: string };

/** Anchors may repeat a block; a file that expands past this many aliases is refused, not run. */
const MAX_ALIASES = 200;

/**
 * Splits every file into its `---` documents with the `yaml` package (comments, anchors and
 * merge keys as YAML defines them). Empty documents (a trailing `---`) are dropped; a document
 * YAML cannot read keeps its index and the parser's message with the line.
 */
export function parseCatalogFiles(files: readonly SourceFile[]): ParsedDocument[] {
  const out: ParsedDocument[] = [];
  for (const { path, text } of files) {
    parseAllDocuments(text, { prettyErrors: true, merge: true }).forEach((doc, documentIndex) => {
      const problem = doc.errors[0];
      if (problem) {
        const firstLine = (problem.message.split('\n')[0] ?? '').replace(/:$/, '');
        out.push({ file: path, documentIndex, error: `YAML: ${firstLine}` });
        return;
      }
      if (doc.contents === null) return;
      try {
        out.push({ file: path, documentIndex, value: doc.toJS({ maxAliasCount: MAX_ALIASES }) });
      } catch (error) {
        out.push({ file: path, documentIndex, error: `YAML: ${(error as Error).message}` });
      }
    });
  }
  return out;
}
