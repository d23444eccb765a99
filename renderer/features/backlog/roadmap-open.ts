import { navigate } from '../../router/hash-location';
import { backlogRoutes } from './routes';
import { useBacklogStore } from './store';

/**
 * Opens a roadmap item in the backlog: selection is backlog UI state in its zustand store
 * (docs/architecture.md, "Core"), so set it there, then go to the page. A search or status filter
 * could hide the row and with it the detail, so those are cleared first.
 */
export function openInBacklog(id: string): void {
  const store = useBacklogStore.getState();
  if (store.query.search || store.query.statuses.length > 0) store.setQuery({ search: '', statuses: [] });
  // Reveal, not just select: the list scrolls the row into view however far down it is.
  store.reveal(id);
  navigate(backlogRoutes.backlog.href());
}
