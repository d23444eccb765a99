// The git feature's public entry: what a push tells other features (docs/architecture.md,
// "Features"). Pipelines register a listener to start a run for each push to main.
import type { Principal } from '../../auth/tokens';

export interface PushedCommit {
  sha: string;
  /** The subject line, as the deployments show it. */
  message: string;
  authorName: string;
  authorEmail: string;
  committedAt: string;
}

/** One ref a push moved (a push of three branches is three of these). Deleted refs are not pushes. */
export interface Push {
  serviceId: string;
  serviceName: string;
  /** e.g. 'refs/heads/main' */
  ref: string;
  /** Null when the ref is new. */
  before: string | null;
  /** 40-hex sha */
  after: string;
  pusher: Principal;
  /** before..after (for a new ref: what no other ref had), newest first, at most 100. */
  commits: PushedCommit[];
}

/**
 * Called after the push is stored (refs updated, the push event committed) and before the HTTP
 * response ends. A listener that throws is logged; the push still succeeds.
 */
export type PushListener = (push: Push) => Promise<void>;

export interface GitExtensions {
  onPush: PushListener[];
}

declare module 'fastify' {
  interface FastifyInstance {
    git: GitExtensions;
  }
}

declare module '../../platform/server-feature' {
  interface PlatformOptions {
    /** Listeners added at build time (an embedder, or a test watching pushes). */
    git?: { onPush?: PushListener[] };
  }
}
