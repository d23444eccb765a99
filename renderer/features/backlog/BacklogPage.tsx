import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { BacklogFields, BacklogWeights, type BacklogQuery } from '../../../shared/features/backlog/api';
import { CommitField, readField } from '../../components/CommitField';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { BacklogDetail } from './BacklogDetail';
import { BacklogList } from './BacklogList';
import { useCommand } from '../../data/command';
import { backlogListQuery } from './data';
import { useBacklogStore } from './store';
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

export function BacklogPage() {
  const query = useBacklogStore((s) => s.query);
  const setQuery = useBacklogStore((s) => s.setQuery);
  const selectedId = useBacklogStore((s) => s.selectedId);
  const page = useQuery(backlogListQuery(query as BacklogQuery));
  const run = useCommand();
  const [newTitle, setNewTitle] = useState('');
  const [newError, setNewError] = useState<string | null>(null);
  const rows = page.data?.rows ?? [];
  const selected = rows.find((r) => r.id === selectedId) ?? null;
  // Manual re-ranking only makes sense in the lead's own order, unfiltered.
  const canReorder =
    query.sort.column === 'rank' &&
    query.sort.direction === 'asc' &&
    !query.search &&
    query.statuses.length === 0;

  return (
    <div className="backlog-page" data-testid="backlog-page">
      <header className="backlog-toolbar">
        <h1>Platform backlog</h1>
        <input
          type="search"
          placeholder="Filter by title or capability"
          aria-label="Filter backlog"
          value={query.search}
          onChange={(e) => setQuery({ search: e.target.value })}
        />
        <select
          aria-label="Model"
          value={query.model}
          onChange={(e) => setQuery({ model: e.target.value as 'default' | 'rice' | 'wsjf' })}
        >
          <option value="default">Demand + strategy</option>
          <option value="rice">RICE</option>
          <option value="wsjf">WSJF</option>
        </select>
        <select
          aria-label="Order"
          value={`${query.sort.column}:${query.sort.direction}`}
          onChange={(e) => {
            const [column, direction] = e.target.value.split(':') as [
              typeof query.sort.column,
              'asc' | 'desc',
            ];
            setQuery({ sort: { column, direction } });
          }}
        >
          <option value="rank:asc">Lead's order</option>
          <option value="score:desc">Score (model)</option>
          <option value="demand:desc">Most teams</option>
          <option value="title:asc">Title</option>
          <option value="status:asc">Status</option>
          <option value="updatedAt:desc">Recently changed</option>
        </select>
        <button
          type="button"
          onClick={async () => {
            const csv = unwrap(await pave().invoke('backlog:exportCsv', query as BacklogQuery));
            download(csv.filename, csv.csv);
          }}
        >
          Export CSV
        </button>
        <span className="backlog-count" data-testid="backlog-count">
          {page.data ? `${page.data.total} of ${page.data.totalAll} items` : 'Loading…'}
        </span>
      </header>
      {page.data && query.model === 'default' && (
        <div className="backlog-weights" aria-label="Model weights">
          Weights (visible, editable by leads): demand
          <CommitField
            label="Demand weight"
            kind="number"
            schema={BacklogWeights.shape.demand}
            value={page.data.weights.demand}
            min={0}
            max={100}
            step={0.1}
            onCommit={(demand) => run('backlog:setWeights', { demand })}
            testId="weight-demand"
          />
          strategy
          <CommitField
            label="Strategy weight"
            kind="number"
            schema={BacklogWeights.shape.strategy}
            value={page.data.weights.strategy}
            min={0}
            max={100}
            step={0.1}
            onCommit={(strategy) => run('backlog:setWeights', { strategy })}
            testId="weight-strategy"
          />
          <span className="backlog-hint">Bands: top 20 % of scores P1, next 30 % P2, rest P3.</span>
        </div>
      )}
      <form
        className="backlog-new"
        onSubmit={(e) => {
          e.preventDefault();
          if (!newTitle.trim()) return;
          // Checked with the item's own rule first; a refusal is said under the field, the text kept.
          const title = readField(newTitle, 'text', BacklogFields.shape.title, 'Title');
          if (!title.ok) return setNewError(title.message);
          run('backlog:create', { title: title.value }).then(
            () => {
              setNewTitle('');
              setNewError(null);
            },
            (err: unknown) => setNewError(errorMessage(err).message),
          );
        }}
      >
        <input
          aria-label="New item title"
          placeholder="Propose an item…"
          value={newTitle}
          aria-invalid={newError ? true : undefined}
          onChange={(e) => {
            setNewTitle(e.target.value);
            setNewError(null);
          }}
        />
        <button type="submit">Add</button>
        {newError && (
          <span className="field-error" role="alert" data-testid="backlog-new-error">
            {newError}
          </span>
        )}
        {canReorder && <span className="backlog-hint">Alt+↑/↓ or drag to re-rank</span>}
      </form>
      <div className="backlog-body">
        <BacklogList
          rows={rows}
          canReorder={canReorder}
          onMove={(id, afterId, beforeId) => void run('backlog:move', { id, afterId, beforeId })}
        />
        {selected && <BacklogDetail row={selected} model={query.model} />}
      </div>
    </div>
  );
}
