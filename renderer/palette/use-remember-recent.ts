import { useEffect } from 'react';
import type { RecentItem } from './palette-store';
import { usePaletteStore } from './palette-store';

/** A record page calls this once it knows the record's name, so the palette offers it again. */
export function useRememberRecent(item: RecentItem | null): void {
  const remember = usePaletteStore((state) => state.remember);
  const id = item?.id;
  const title = item?.title;
  const href = item?.href;
  useEffect(() => {
    if (id !== undefined && title !== undefined && href !== undefined) remember({ id, title, href });
  }, [id, title, href, remember]);
}
