import type {
  Deployment,
  EnvironmentDeployments,
  GuardrailFinding,
  QueuedAction,
} from '../../../shared/features/self-service/api';

/**
 * What a deployment row says went wrong, each thing once: a deploy blocked by a guardrail carries
 * the blocking finding's message both as its error and as the finding, so the error is left out
 * when a finding already says it.
 */
export function deploymentProblems(deployment: Pick<Deployment, 'error' | 'findings'>): {
  error: string | null;
  findings: readonly GuardrailFinding[];
} {
  const { error, findings } = deployment;
  const repeated = error !== null && findings.some((finding) => finding.message === error);
  return { error: repeated ? null : error, findings };
}

/**
 * The queued actions worth showing: pending ones, and a refused one only until a deployment of
 * its environment starts after it — once a later deploy ran, the old refusal is history (the
 * deployment rows keep it) and no longer news.
 */
export function currentQueuedActions(
  queued: readonly QueuedAction[],
  environments: readonly EnvironmentDeployments[],
): QueuedAction[] {
  const latestStart = new Map(
    environments.map((env) => [env.environment, env.history[0]?.startedAt ?? null] as const),
  );
  return queued.filter((action) => {
    if (action.status !== 'rejected' || action.environment === null) return true;
    const latest = latestStart.get(action.environment) ?? null;
    return latest === null || Date.parse(latest) < Date.parse(action.createdAt);
  });
}
