import type { IncidentView } from '../../../shared/features/self-service/api';

/** Open incidents not seen before, on services owned by one of `teamIds`. */
export function newlyOpened(
  open: IncidentView[],
  seen: ReadonlySet<string>,
  teamIds: ReadonlySet<string>,
): IncidentView[] {
  return open.filter((i) => !seen.has(i.id) && i.ownerTeamId !== null && teamIds.has(i.ownerTeamId));
}
