import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { principalOf } from '../../auth/authenticate';
import type { Principal } from '../../auth/tokens';
import { invalid, notFound } from '../../http/api-error';
import { findServiceRepository, type ServiceRepository } from '../self-service/public';
import { REFUSAL_ENV, REPORT_ENV, ensureHooks } from './hooks';
import { runHttpBackend } from './http-backend';
import type { GitExtensions } from './public';
import { pushRefusal } from './push-access';
import { announcePush, readRefUpdates } from './push-report';

export interface GitRoutesOptions {
  pool: Pool;
  dataDir: string;
  extensions: GitExtensions;
}

// `<service>.git` (the suffix may be left out, as on GitLab): a service name, nothing that walks paths.
const RepoParams = z.object({
  repo: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}(\.git)?$/, 'not a service repository'),
});
const GitService = z.enum(['git-upload-pack', 'git-receive-pack']);
const InfoRefsQuery = z.object({
  service: GitService.optional(),
});

// Service repositories hold code, not media: a pack this big is a mistake (or an attack).
const MAX_PACK_BYTES = 1024 * 1024 * 1024;

const GIT_BODY_TYPES = ['application/x-git-upload-pack-request', 'application/x-git-receive-pack-request'];

/**
 * Git's smart HTTP protocol at /git/<service>.git (issue 9 §1), served by Debian's
 * `git http-backend` as a CGI. Basic auth with the Pave token as password; everyone signed in may
 * fetch (everyone sees every service); a push by someone who may not act on the service is let
 * into receive-pack and refused there by the pre-receive hook, so git prints the reason instead of
 * a bare "403".
 */
export const gitRoutes: FastifyPluginAsyncZod<GitRoutesOptions> = async (
  app,
  { pool, dataDir, extensions },
) => {
  // Pack data goes to git untouched, as a stream: no body limit, no buffering, no parsing of ours.
  app.addContentTypeParser(GIT_BODY_TYPES, (_request, payload, done) => done(null, payload));

  const config = { basicAuth: true } as const;
  const schema = { hide: true, params: RepoParams };

  const repositoryOf = async (repo: string): Promise<ServiceRepository> => {
    const repository = await findServiceRepository(pool, repo.replace(/\.git$/, ''));
    if (!repository) throw notFound(`repository ${repo}`);
    return repository;
  };

  app.get(
    '/git/:repo/info/refs',
    { config, schema: { ...schema, querystring: InfoRefsQuery } },
    async (request, reply) => {
      const service = request.query.service;
      if (!service) {
        throw invalid('Pave serves git over smart HTTP only: use git 1.6.6 or newer (info/refs?service=…)');
      }
      const repository = await repositoryOf(request.params.repo);
      await serve(request, reply, repository, { rest: 'info/refs', query: `service=${service}` });
    },
  );

  app.post('/git/:repo/git-upload-pack', { config, schema }, async (request, reply) => {
    const repository = await repositoryOf(request.params.repo);
    await serve(request, reply, repository, {
      rest: 'git-upload-pack',
      query: '',
      body: request.body as Readable,
    });
  });

  app.post('/git/:repo/git-receive-pack', { config, schema }, async (request, reply) => {
    const principal = principalOf(request);
    const repository = await repositoryOf(request.params.repo);
    const refusal = await pushRefusal(pool, principal, repository);
    if (refusal)
      request.log.info({ service: repository.serviceName, userId: principal.userId }, 'push refused');
    const reportDir = await mkdtemp(path.join(tmpdir(), 'pave-push-'));
    const reportFile = path.join(reportDir, 'updated-refs');
    try {
      await serve(request, reply, repository, {
        rest: 'git-receive-pack',
        query: '',
        body: request.body as Readable,
        env: { [REPORT_ENV]: reportFile, ...(refusal && { [REFUSAL_ENV]: refusal }) },
        afterGit: async () => {
          const updates = await readRefUpdates(reportFile);
          if (updates.length === 0) return;
          await announcePush(
            { pool, log: request.log, listeners: extensions.onPush },
            repository,
            principal,
            updates,
          );
        },
      });
    } finally {
      await rm(reportDir, { recursive: true, force: true });
    }
  });

  async function serve(
    request: FastifyRequest,
    reply: FastifyReply,
    repository: ServiceRepository,
    call: {
      rest: string;
      query: string;
      body?: Readable;
      env?: Record<string, string>;
      afterGit?: () => Promise<void>;
    },
  ): Promise<void> {
    const principal: Principal = principalOf(request);
    const hooksDir = await ensureHooks(dataDir);
    reply.hijack();
    const response = reply.raw;
    try {
      await runHttpBackend(
        {
          projectRoot: path.dirname(repository.bareRepo),
          pathInfo: `/${path.basename(repository.bareRepo)}/${call.rest}`,
          method: request.method === 'POST' ? 'POST' : 'GET',
          query: call.query,
          headers: request.headers,
          remoteUser: principal.userId,
          body: call.body ?? null,
          config: {
            'core.hooksPath': hooksDir,
            // Anonymous pushes are off by default in http-backend; ours are authenticated above.
            'http.receivepack': 'true',
            'receive.fsckObjects': 'true',
            // The stream has no Fastify body limit: git itself refuses a pack past this, with a message.
            'receive.maxInputSize': String(MAX_PACK_BYTES),
          },
          env: call.env ?? {},
        },
        response,
        request.log,
      );
      await call.afterGit?.();
    } catch (error) {
      request.log.error({ err: error, service: repository.serviceName }, 'serving git failed');
    } finally {
      response.end();
    }
  }
};
