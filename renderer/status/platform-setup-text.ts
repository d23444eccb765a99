import type { PlatformSetup } from '../../shared/ipc/platform-setup';

/** Plain words for the embedded platform's setup step, shown where the first rows will be. */
export function platformSetupText(setup: PlatformSetup): string {
  const count = setup.done !== null && setup.total !== null ? ` ${setup.done}/${setup.total}` : '';
  switch (setup.step) {
    case 'database':
      return `Preparing the demo platform: ${setup.detail ?? 'creating its database'}…`;
    case 'migrations':
      return `Preparing the demo platform: migrations${count}…`;
    case 'seeding':
      return `Seeding the demo organization${setup.detail ? `: ${setup.detail}` : ''}${count ? ` (${count.trim()})` : ''}…`;
    case 'starting':
      return 'Starting the demo platform…';
    case 'ready':
      return 'Loading the demo catalog…';
    case 'failed':
      return `The demo platform could not start: ${setup.error?.message ?? 'no reason was given'}`;
    case 'idle':
      return '';
  }
}

/** How far along the setup is, 0 to 1, for the bar under the words (null: no bar). */
export function platformSetupFraction(setup: PlatformSetup): number | null {
  // Database, migrations, seed, start, first sync: the share of a cold start each roughly takes.
  const span: Partial<Record<PlatformSetup['step'], [number, number]>> = {
    database: [0, 0.15],
    migrations: [0.15, 0.45],
    seeding: [0.45, 0.85],
    starting: [0.85, 0.9],
    ready: [0.9, 0.95],
  };
  const range = span[setup.step];
  if (!range) return null;
  const [from, to] = range;
  const part = setup.done !== null && setup.total ? Math.min(setup.done / setup.total, 1) : 0;
  return Math.round((from + (to - from) * part) * 1000) / 1000;
}
