import type { Tx } from '../../../db/transaction';
import type { DemoSeed } from '../../../platform/server-feature';
import { generateDemoHistory, type HistoryInput } from './generate-history';
import { writeDemoEvents } from './write-events';
import { writeImportedHistory, writeLaunchDate } from './write-imports';

/** What the generator needs from the seed: the directory it was given and the catalog seeded before. */
export async function demoHistoryInput(tx: Tx, { seed, now, directory }: DemoSeed): Promise<HistoryInput> {
  const { rows } = await tx.query<{ id: string; name: string; owner_team_id: string; lifecycle: string }>(
    'SELECT id, name, owner_team_id, lifecycle FROM services ORDER BY id',
  );
  const members = new Map<string, string[]>();
  for (const user of directory.users) {
    for (const teamId of user.input.teamIds) members.set(teamId, [...(members.get(teamId) ?? []), user.id]);
  }
  return {
    seed,
    now,
    teams: directory.teams.map((team) => ({ id: team.id, slug: team.input.slug })),
    services: rows.map((row) => ({
      id: row.id,
      name: row.name,
      ownerTeamId: row.owner_team_id,
      deprecated: row.lifecycle === 'deprecated',
    })),
    members,
  };
}

/**
 * The metrics feature's share of the demo (issue 10, point 5): two years of delivery history so a
 * first launch shows every chart and the before/after table. Runs after the catalog in the seed's
 * transaction; draws from its own seeded generator, so it does not shift other features' data.
 */
export async function seedDemoHistory(tx: Tx, demo: DemoSeed): Promise<void> {
  const history = generateDemoHistory(await demoHistoryInput(tx, demo));
  await writeImportedHistory(tx, history);
  await writeDemoEvents(tx, history.events);
  await writeLaunchDate(tx, history.launchDate);
}
