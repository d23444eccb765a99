import { ServiceUpdateArgs } from '../../../shared/features/catalog/api';
import { updateService } from './store';
import { notFound } from '../../http/api-error';
import { assertCanActOnTeam } from '../../auth/roles';
import { defineMutation } from '../../sync/mutation-registry';

/**
 * `service.update`: an owner edits their service's catalog entry. Only the fields present in the
 * patch are written, so two clients editing different fields both win (per-field
 * last-writer-wins in server arrival order). A deleted service rejects with `not_found`: deletes win.
 */
export const serviceUpdate = defineMutation({
  name: 'service.update',
  args: ServiceUpdateArgs,
  async handle(ctx, { id, patch }) {
    // FOR UPDATE: the ownership check and the write see the same row (no concurrent owner change).
    const { rows } = await ctx.tx.query<{ owner_team_id: string }>(
      'SELECT owner_team_id FROM services WHERE id = $1 FOR UPDATE',
      [id],
    );
    const row = rows[0];
    if (!row) throw notFound(`service ${id}`);
    assertCanActOnTeam(ctx.principal, row.owner_team_id, 'edit this service');
    const service = await updateService(ctx.tx, ctx.principal.userId, id, patch);
    return { updatedAt: service.updatedAt };
  },
});
