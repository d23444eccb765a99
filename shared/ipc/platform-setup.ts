import { z } from 'zod';
import { text } from '../api/text';

/**
 * How far the embedded demo platform's first setup has come (docs/architecture.md, "Runtimes"):
 * reported by the platform process as it works, relayed by the desktop backend, shown by the
 * renderer while the catalog has no rows yet. `idle` means there is nothing to show (a remote
 * platform, or an embedded one whose database is already set up).
 */
export const PlatformSetupStep = z.enum([
  'idle',
  /** A new cluster: initdb, or a copy of the prepared template. */
  'database',
  /** Applying migrations: `done` of `total`. */
  'migrations',
  /** Writing the demo organization: `done` of `total` parts (the directory, then each feature's). */
  'seeding',
  /** The database is ready; the platform is starting to serve. */
  'starting',
  'ready',
  'failed',
]);
export type PlatformSetupStep = z.infer<typeof PlatformSetupStep>;

export const PlatformSetup = z.object({
  step: PlatformSetupStep,
  done: z.number().int().min(0).nullable(),
  total: z.number().int().min(0).nullable(),
  /** What exactly is happening, in plain words ("copying the prepared database"). */
  detail: text().max(500).nullable(),
  /** Set when `step` is `failed`: what went wrong, in plain words. */
  error: z.object({ code: text(), message: z.string() }).nullable(),
});
export type PlatformSetup = z.infer<typeof PlatformSetup>;

export const idleSetup: PlatformSetup = { step: 'idle', done: null, total: null, detail: null, error: null };

/**
 * The platform's stdout line for one setup event: `pave-setup {json}`. stdout is the platform's
 * channel to the process that launched it (its other line is "listening on …").
 */
export const SETUP_LINE_PREFIX = 'pave-setup ';

export function formatSetupLine(setup: PlatformSetup): string {
  return `${SETUP_LINE_PREFIX}${JSON.stringify(setup)}`;
}

/** The setup event a line carries; null when the line is something else or malformed. */
export function parseSetupLine(line: string): PlatformSetup | null {
  if (!line.startsWith(SETUP_LINE_PREFIX)) return null;
  try {
    const parsed = PlatformSetup.safeParse(JSON.parse(line.slice(SETUP_LINE_PREFIX.length)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
