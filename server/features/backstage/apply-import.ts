import type { Pool } from 'pg';
import type { ImportReport } from '../../../shared/features/backstage/api';
import { writeAudit } from '../../audit/audit-log';
import { withTransaction, type Tx } from '../../db/transaction';
import { createTeam, updateTeam } from '../../directory/teams';
import { createService, updateService } from '../catalog/public';
import { readCatalogState } from './catalog-state';
import { planImport, type ImportPlan, type OwnerRef } from './import-plan';
import type { ParsedDocument } from './parse-documents';

/**
 * Applies an import in one transaction (issue 14, point 1): the plan is computed inside it, under
 * a lock, from the rows it will change, so a re-import finds everything unchanged and writes
 * nothing. Teams and services are written by the directory's and the catalog's own functions,
 * which validate, log each change for sync and audit it.
 */
export async function applyImport(
  pool: Pool,
  actor: string,
  documents: readonly ParsedDocument[],
  /** An import (audited as its operation), or a push that edited catalog-info.yaml (audited here). */
  via: 'import' | 'push' = 'import',
): Promise<{ report: ImportReport; writes: string[] }> {
  return withTransaction(pool, async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('pave.backstage-import'))");
    const plan = planImport(documents, await readCatalogState(tx));
    const writes = await writePlan(tx, actor, plan);
    const { report } = plan;
    // An import's audit entry is its operation's (who asked, which source); a push has none.
    if (via === 'push') {
      await writeAudit(tx, actor, 'catalog.push', 'catalog', 'backstage', {
        updated: report.update.map((entry) => entry.name),
        refused: report.refused.map((entry) => entry.reason),
      });
    }
    return { report, writes };
  });
}

/**
 * Writes the plan and says what it wrote. It cannot report progress while it runs: every write
 * holds the change log's counter row until commit (docs/architecture.md, "Sync and push"), and an
 * operation's progress is itself a logged change, which would wait for this transaction.
 */
async function writePlan(tx: Tx, actor: string, plan: ImportPlan): Promise<string[]> {
  const writes: string[] = [];
  const step = (what: string) => {
    writes.push(what);
    return Promise.resolve();
  };

  const newTeamIds = new Map<string, string>();
  for (const action of plan.teams) {
    if (action.action === 'create') {
      const team = await createTeam(tx, actor, { ...action.draft, size: action.draft.size ?? 0 });
      newTeamIds.set(team.slug, team.id);
      await saveTeamFields(tx, team.id, action.fields);
      await step(`created team ${team.slug}`);
    } else {
      if (Object.keys(action.patch).length > 0) await updateTeam(tx, actor, action.teamId, action.patch);
      await saveTeamFields(tx, action.teamId, action.fields);
      await step(`updated team ${action.slug}`);
    }
  }

  const teamIdOf = (owner: OwnerRef): string => {
    if ('teamId' in owner) return owner.teamId;
    const id = newTeamIds.get(owner.newTeamSlug);
    if (!id) throw new Error(`team ${owner.newTeamSlug} was planned but not created`);
    return id;
  };
  for (const action of plan.services) {
    if (action.action === 'create') {
      const { draft } = action;
      const service = await createService(tx, actor, {
        ...draft,
        ownerTeamId: teamIdOf(action.owner),
        tier: draft.tier ?? 3,
        repositoryUrl: draft.repositoryUrl ?? null,
      });
      await saveServiceFields(tx, service.id, action.fields);
      await step(`created service ${service.name}`);
    } else {
      const { owner, ...patch } = action.patch;
      const catalogPatch = { ...patch, ...(owner ? { ownerTeamId: teamIdOf(owner) } : {}) };
      const service = Object.keys(catalogPatch).length
        ? await updateService(tx, actor, action.serviceId, catalogPatch)
        : null;
      if (action.fieldsChanged) await saveServiceFields(tx, action.serviceId, action.fields);
      await step(`updated service ${service?.name ?? action.serviceId}`);
    }
  }

  for (const { entity } of plan.kept) {
    await tx.query(
      `INSERT INTO backstage_entities (kind, name, entity) VALUES ($1, $2, $3)
       ON CONFLICT (kind, name) DO UPDATE SET entity = EXCLUDED.entity, updated_at = now()`,
      [entity.kind, entity.metadata.name.toLowerCase(), JSON.stringify(entity)],
    );
    await step(`kept ${entity.kind} ${entity.metadata.name}`);
  }
  return writes;
}

export async function saveServiceFields(tx: Tx, serviceId: string, fields: object): Promise<void> {
  await tx.query(
    `INSERT INTO backstage_service_fields (service_id, fields) VALUES ($1, $2)
     ON CONFLICT (service_id) DO UPDATE SET fields = EXCLUDED.fields`,
    [serviceId, JSON.stringify(fields)],
  );
}

async function saveTeamFields(tx: Tx, teamId: string, fields: object): Promise<void> {
  await tx.query(
    `INSERT INTO backstage_team_fields (team_id, fields) VALUES ($1, $2)
     ON CONFLICT (team_id) DO UPDATE SET fields = EXCLUDED.fields`,
    [teamId, JSON.stringify(fields)],
  );
}
