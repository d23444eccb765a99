import type { ServiceSource } from '../../../shared/features/git/ipc';

/** commit sha → the environments running it, in environment order (a commit may run in several). */
export function environmentsByCommit(source: ServiceSource): Map<string, string[]> {
  const running = new Map<string, string[]>();
  for (const env of source.environments) {
    if (env.commitSha) running.set(env.commitSha, [...(running.get(env.commitSha) ?? []), env.environment]);
  }
  return running;
}

export interface EnvironmentRow {
  environment: string;
  commitSha: string | null;
  /** The commit's subject when it is among the recent commits of main (a rolled-back or older one may not be). */
  message: string | null;
}

/** One row per environment: the commit it runs and, when known, what that commit says. */
export const environmentRows = (source: ServiceSource): EnvironmentRow[] =>
  source.environments.map((env) => ({
    environment: env.environment,
    commitSha: env.commitSha,
    message: source.commits.find((c) => c.sha === env.commitSha)?.message ?? null,
  }));
