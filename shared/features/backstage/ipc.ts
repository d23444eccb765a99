import { z } from 'zod';
import { ExportedYaml, ExportScope, ImportAccepted, ImportReport, ImportRequest } from './api';

/** The Backstage import's IPC commands: online only, each a call to the platform. */
export const backstageCommands = {
  /** What importing the source would create, update, leave, refuse and skip; writes nothing. */
  'backstage:dry-run': { input: ImportRequest, output: ImportReport },
  /** Queues the import as a `catalog.import` operation; its progress is the operation's. */
  'backstage:import': { input: ImportRequest, output: ImportAccepted },
  /** The catalog as Backstage YAML (multi-document). */
  'backstage:export': { input: z.object({ scope: ExportScope }), output: ExportedYaml },
} as const;
