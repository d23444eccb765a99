import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { BacklogStatus, BacklogWeights, type BacklogQuery } from '../../../shared/features/backlog/api';
import { CommitField } from '../../components/CommitField';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { Button } from '../../components/ui/Button';
import { SelectInput, type SelectOption } from '../../components/ui/SelectField';
import { EmptyState } from '../../components/ui/States';
import { toast } from '../../components/ui/toast-store';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { useCommand } from '../../data/command';
import { useUrlState } from '../../router/url-state';
import { BacklogDetail } from './BacklogDetail';
import { BacklogList, statusLabel } from './BacklogList';
import { backlogItemQuery, backlogWindowQuery } from './data';
import { NewItemForm } from './NewItemForm';
import { backlogRoutes } from './routes';
import { useBacklogStore, type BacklogView } from './store';
import { changeWithUndo, describeChange, isUndoKey, undoChange } from './undo';
import { backlogUrlCodec } from './url-state';
import './BacklogPage.css';

/** A browser download of text the backend produced (the desktop writes the same text to disk). */
function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

type Model = BacklogView['model'];
const MODELS: readonly SelectOption<Model>[] = [
  { value: 'default', label: 'Demand + strategy' },
  { value: 'rice', label: 'RICE' },
  { value: 'wsjf', label: 'WSJF' },
];
const ORDERS: readonly SelectOption<string>[] = [
  { value: 'rank:asc', label: "Lead's order" },
  { value: 'score:desc', label: 'Score (model)' },
  { value: 'demand:desc', label: 'Most teams' },
  { value: 'title:asc', label: 'Title' },
  { value: 'status:asc', label: 'Status' },
  { value: 'updatedAt:desc', label: 'Recently changed' },
];
const STATUS_FILTER: readonly SelectOption<BacklogStatus>[] = [
  { value: '' as BacklogStatus, label: 'Any status' },
  ...BacklogStatus.options.map((s) => ({ value: s, label: statusLabel(s) })),
];

/** Ctrl/Cmd+Z outside text fields takes back this page's last change (renderer/features/backlog/undo.ts). */
function useUndoShortcut() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isUndoKey(event) || useBacklogStore.getState().undo.length === 0) return;
      event.preventDefault();
      void undoChange();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

export function BacklogPage() {
  useUrlState(useBacklogStore, backlogUrlCodec, backlogRoutes.backlog.href());
  useUndoShortcut();
  const query = useBacklogStore((s) => s.query);
  const setQuery = useBacklogStore((s) => s.setQuery);
  const selectedId = useBacklogStore((s) => s.selectedId);
  // Window 0: the first rows, the counts and the weights; the table asks for the other windows.
  const page = useQuery(backlogWindowQuery(query as BacklogQuery, 0));
  // The open item comes on its own: it may lie outside every window loaded so far.
  const selected =
    useQuery({ ...backlogItemQuery(selectedId ?? '', query.model), enabled: selectedId !== null }).data ??
    null;
  const run = useCommand();
  const [exporting, setExporting] = useState(false);
  const weights = page.data?.weights;
  // Manual re-ranking only makes sense in the lead's own order, unfiltered.
  const canReorder =
    query.sort.column === 'rank' &&
    query.sort.direction === 'asc' &&
    !query.search &&
    query.statuses.length === 0;

  const setWeight = (key: 'demand' | 'strategy', label: string, value: number) =>
    changeWithUndo(
      describeChange(label, weights?.[key], value),
      () => run('backlog:setWeights', { [key]: value }),
      { command: 'backlog:setWeights', input: { [key]: weights?.[key] ?? value } },
    );

  return (
    <div className="backlog-page" data-testid="backlog-page">
      <header className="backlog-toolbar">
        <h1>Platform backlog</h1>
        <input
          className="ui-input backlog-search"
          type="search"
          placeholder="Filter by title or capability"
          aria-label="Filter backlog"
          value={query.search}
          onChange={(e) => setQuery({ search: e.target.value })}
        />
        <SelectInput
          aria-label="Status filter"
          options={STATUS_FILTER}
          value={query.statuses[0] ?? ''}
          onChange={(status) => setQuery({ statuses: status ? [status] : [] })}
        />
        <SelectInput
          aria-label="Model"
          options={MODELS}
          value={query.model}
          onChange={(model) => model && setQuery({ model })}
        />
        <SelectInput
          aria-label="Order"
          options={ORDERS}
          value={`${query.sort.column}:${query.sort.direction}`}
          onChange={(value) => {
            const [column, direction] = value.split(':') as [BacklogView['sort']['column'], 'asc' | 'desc'];
            setQuery({ sort: { column, direction } });
          }}
        />
        <Button
          disabled={exporting}
          onClick={async () => {
            setExporting(true);
            try {
              const csv = unwrap(await pave().invoke('backlog:exportCsv', query as BacklogQuery));
              download(csv.filename, csv.csv);
            } catch (err) {
              toast({
                title: 'Could not export the backlog',
                description: errorMessage(err).message,
                tone: 'danger',
              });
            } finally {
              setExporting(false);
            }
          }}
        >
          Export CSV
        </Button>
        <span className="backlog-count" data-testid="backlog-count" aria-live="polite">
          {page.data ? `${page.data.total} of ${page.data.totalAll} items` : 'Loading…'}
        </span>
      </header>
      {weights && query.model === 'default' && (
        <section className="backlog-weights" aria-label="Model weights">
          <span className="backlog-weights-title">Weights</span>
          <label className="backlog-weight">
            <span>Demand</span>
            <CommitField
              className="ui-input"
              label="Demand weight"
              kind="number"
              schema={BacklogWeights.shape.demand}
              value={weights.demand}
              min={0}
              max={100}
              step={0.1}
              onCommit={(demand) => setWeight('demand', 'Demand weight', demand)}
              testId="weight-demand"
            />
          </label>
          <label className="backlog-weight">
            <span>Strategy</span>
            <CommitField
              className="ui-input"
              label="Strategy weight"
              kind="number"
              schema={BacklogWeights.shape.strategy}
              value={weights.strategy}
              min={0}
              max={100}
              step={0.1}
              onCommit={(strategy) => setWeight('strategy', 'Strategy weight', strategy)}
              testId="weight-strategy"
            />
          </label>
          <span className="backlog-hint">Bands: top 20 % of scores P1, next 30 % P2, rest P3.</span>
        </section>
      )}
      <NewItemForm
        hint={canReorder ? 'Alt+↑/↓ or drag a row to re-rank; Ctrl+Z undoes the last change.' : null}
      />
      {page.error && (
        <QueryErrorNotice
          error={page.error}
          title="Could not load the backlog"
          onRetry={() => void page.refetch()}
        />
      )}
      {page.data?.totalAll === 0 ? (
        <EmptyState title="No backlog items yet" testId="backlog-empty">
          Propose the first one above; teams then add their demand and the model ranks it.
        </EmptyState>
      ) : (
        <div className="backlog-body">
          {page.data?.total === 0 ? (
            <EmptyState title="No item matches this filter" testId="backlog-no-match">
              Clear the search or the status filter to see every item.
            </EmptyState>
          ) : page.data ? (
            <BacklogList
              first={page.data}
              canReorder={canReorder}
              sort={query.sort}
              onSort={(sort) => setQuery({ sort })}
              onMove={({ id, title }, to, from) => {
                void changeWithUndo(
                  `${describeTitle(title)} moved`,
                  () => run('backlog:move', { id, ...to }),
                  { command: 'backlog:move', input: { id, ...from } },
                ).catch((err: unknown) =>
                  toast({
                    title: 'Could not move the item',
                    description: errorMessage(err).message,
                    tone: 'danger',
                  }),
                );
              }}
            />
          ) : null}
          {selected && <BacklogDetail row={selected} model={query.model} />}
        </div>
      )}
    </div>
  );
}

/** “Golden paths” for a toast, shortened so the sentence still fits. */
const describeTitle = (title: string) => (title.length > 40 ? `“${title.slice(0, 39)}…”` : `“${title}”`);
