/**
 * A changes page's JSON body built from the stored JSON text of each entry, without parsing or
 * re-encoding it (docs/architecture.md, "Sync and push"): the change log already holds each
 * entity's validated API shape, written by the feature that changed it, so the page is
 * concatenation. The route's response schema stays `ChangesPage` in the OpenAPI document, and
 * test/server/sync/changes-page-json.test.ts parses real pages with it.
 */

/** One change-log row as read for a page: `data` is PostgreSQL's text of the jsonb (null on `del`). */
export interface ChangeRowText {
  seq: number;
  entity: string;
  id: string;
  op: 'put' | 'del';
  data: string | null;
}

/** `{"changes":[…],"cursor":…,"hasMore":…}` with each entry's `data` spliced in as stored. */
export function changesPageJson(rows: readonly ChangeRowText[], cursor: string, hasMore: boolean): string {
  const entries = rows.map(
    (r) =>
      `{"seq":${Number(r.seq)},"entity":${JSON.stringify(r.entity)},"id":${JSON.stringify(r.id)},` +
      `"op":${r.op === 'del' ? '"del","data":null' : `"put","data":${r.data ?? 'null'}`}}`,
  );
  return `{"changes":[${entries.join(',')}],"cursor":${JSON.stringify(cursor)},"hasMore":${hasMore}}`;
}
