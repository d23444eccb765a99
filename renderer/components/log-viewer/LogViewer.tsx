import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Href } from '../../router/route-path';
import { hashPath, useUrlState } from '../../router/url-state';
import { Button } from '../ui/Button';
import { SelectInput } from '../ui/SelectField';
import { downloadText } from './download-text';
import { defaultLogView, logViewCodec, type LogView } from './log-view-url';
import { clockTime, filterLogLines, parseLogLine, type LogLevel } from './parse-log-line';
import './LogViewer.css';

export interface CapturedLine {
  key: number;
  text: string;
  stream: 'stdout' | 'stderr';
}

const levelChoices: readonly { value: LogLevel | ''; label: string }[] = [
  { value: '', label: 'All levels' },
  { value: 'debug', label: 'Debug and above' },
  { value: 'info', label: 'Info and above' },
  { value: 'warn', label: 'Warnings and errors' },
  { value: 'error', label: 'Errors only' },
];

/** How close to the bottom still counts as "at the end" (a rounding pixel or two). */
const AT_END_PX = 8;

/**
 * A live log as people read one: JSON lines parsed into time, coloured level, message and fields;
 * search, level filter, follow/pause (scrolling up pauses, like a terminal's scrollback), wrap,
 * download. While paused the view holds still and counts what arrived meanwhile.
 */
export function LogViewer({
  lines,
  fileName,
  emptyText,
}: {
  lines: readonly CapturedLine[];
  fileName: string;
  emptyText: string;
}) {
  // The search and level live in the page's URL (docs/architecture.md, "Features"), so a link to
  // a service's page can carry "errors only, matching timeout".
  const [viewStore] = useState(() => createStore<LogView>(() => defaultLogView));
  const [page] = useState(() => hashPath(window.location.hash) as Href);
  useUrlState(viewStore, logViewCodec, page);
  const search = useStore(viewStore, (view) => view.search);
  const minimum = useStore(viewStore, (view) => view.minimum);
  const setSearch = (value: string) => viewStore.setState({ search: value });
  const setMinimum = (value: LogLevel | '') => viewStore.setState({ minimum: value });
  const [wrap, setWrap] = useState(true);
  const [frozen, setFrozen] = useState<readonly CapturedLine[] | null>(null);
  const view = useRef<HTMLDivElement>(null);
  const following = frozen === null;
  const shown = frozen ?? lines;

  const parsed = useMemo(
    () => shown.map((line) => ({ key: line.key, ...parseLogLine(line.text, line.stream) })),
    [shown],
  );
  const visible = useMemo(
    () => filterLogLines(parsed, { search, minimum: minimum === '' ? null : minimum }) as typeof parsed,
    [parsed, search, minimum],
  );
  const newSincePause = frozen === null ? 0 : countNewer(lines, frozen);

  useEffect(() => {
    if (!following) return;
    const element = view.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [following, visible]);

  const pause = () => setFrozen(lines);
  const resume = () => setFrozen(null);
  const onScroll = () => {
    const element = view.current;
    if (!element || !following) return;
    const atEnd = element.scrollHeight - element.scrollTop - element.clientHeight <= AT_END_PX;
    if (!atEnd) pause();
  };

  return (
    <div className="log-viewer" data-testid="log-viewer" data-following={following}>
      <div className="log-toolbar" role="toolbar" aria-label="Log controls">
        <input
          type="search"
          className="ui-input log-search"
          placeholder="Search the log"
          aria-label="Search the log"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="log-search"
        />
        <div className="log-level-filter">
          <SelectInput
            aria-label="Level"
            options={levelChoices}
            value={minimum}
            onChange={setMinimum}
            data-testid="log-level-filter"
          />
        </div>
        <Button
          size="small"
          aria-pressed={following}
          onClick={following ? pause : resume}
          data-testid="log-follow"
        >
          {following ? 'Pause' : newSincePause > 0 ? `Follow (${newSincePause} new)` : 'Follow'}
        </Button>
        <Button size="small" aria-pressed={wrap} onClick={() => setWrap(!wrap)} data-testid="log-wrap">
          Wrap lines
        </Button>
        <Button
          size="small"
          onClick={() => downloadText(fileName, lines.map((line) => line.text).join('\n') + '\n')}
          disabled={lines.length === 0}
          data-testid="log-download"
        >
          Download
        </Button>
        <span className="log-count muted" aria-live="polite">
          {visible.length === parsed.length
            ? `${parsed.length} lines`
            : `${visible.length} of ${parsed.length} lines`}
        </span>
      </div>
      <div
        ref={view}
        className={wrap ? 'log-lines wrap' : 'log-lines'}
        data-testid="live-log"
        data-lines={lines.length}
        role="log"
        aria-live={following ? 'polite' : 'off'}
        tabIndex={0}
        onScroll={onScroll}
      >
        {parsed.length === 0 && <div className="muted">{emptyText}</div>}
        {parsed.length > 0 && visible.length === 0 && <div className="muted">No line matches.</div>}
        {visible.map((line) => (
          <div key={line.key} className="log-row" data-testid="log-line" data-level={line.level ?? 'none'}>
            <span className="log-time">{clockTime(line.time)}</span>
            <span className={`log-level level-${line.level ?? 'none'}`}>{line.level ?? ''}</span>
            <span className="log-message">
              {line.message}
              {line.fields.map(([key, value]) => (
                <span key={key} className="log-field">
                  {' '}
                  <span className="log-field-key">{key}=</span>
                  {value}
                </span>
              ))}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}

/** Lines that arrived after the snapshot (keys only grow; the window may have dropped old ones). */
function countNewer(current: readonly CapturedLine[], snapshot: readonly CapturedLine[]): number {
  const last = snapshot.at(-1)?.key ?? -1;
  return current.filter((line) => line.key > last).length;
}
