import { useQueryClient } from '@tanstack/react-query';
import { catalogGridId } from './CatalogTable';
import { catalogSearchId } from './search-shortcut';
import { typeCatalogSearch } from './search-typing';
import { useCatalogStore } from './store';

/**
 * The catalog's search box. Its own component, reading the typed text from the store, so that a
 * keystroke re-renders this box and nothing else until the rows for it arrive (search-typing.ts).
 */
export function CatalogSearch() {
  const text = useCatalogStore((state) => state.typing ?? state.search);
  // The table does not show this text yet (a slow answer is marked after 200 ms, in CSS).
  const pending = useCatalogStore((state) => state.typing !== null);
  const queryClient = useQueryClient();
  const search = (next: string) => void typeCatalogSearch(queryClient, next);
  return (
    <div className="catalog-search" data-pending={pending}>
      <span className="catalog-search-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        id={catalogSearchId}
        className="input"
        type="search"
        placeholder="Search services, teams, tags…"
        aria-label="Search services"
        data-testid="catalog-search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => search(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            document.getElementById(catalogGridId)?.focus();
          } else if (event.key === 'Escape' && text) {
            search('');
          }
        }}
      />
      <kbd className="catalog-search-hint" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
