import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, for labels like "2 min ago". */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    // A new cadence (e.g. offline starts a countdown) must not show a time up to one old tick stale.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
