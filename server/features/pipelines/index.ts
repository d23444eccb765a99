import { fileURLToPath } from 'node:url';
import { defineServerFeature } from '../../platform/server-feature';
import { pipelineMutations } from './mutations';
import { runOnPush } from './on-push';
import { pipelineExecutor } from './pipeline-executor';
import { pipelineRoutes } from './routes';
import { DEFAULT_OUTPUT_CAP } from './step-process';
import './public';

/**
 * CI/CD: each push to main runs the repository's pave.yaml (checkout, its steps, package) as a
 * `pipeline.run` operation; a green run publishes the version and deploys it to development.
 * Installs after git hosting (its push listeners) and self-service (versions and deploys).
 */
export const pipelinesFeature = defineServerFeature({
  name: 'pipelines',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  syncedEntities: ['pipeline_run'],
  install({ app, pool, options, log }) {
    // Runs check out, build and package in the data dir; without one there is nothing to run.
    if (!options.dataDir) return;
    const deps = {
      pool,
      dataDir: options.dataDir,
      cap: { ...DEFAULT_OUTPUT_CAP, ...options.pipelines?.outputCap },
      pollMs: 250,
    };
    app.operations.executors.registerExecutor('pipeline.run', pipelineExecutor(deps, app.operations));
    app.git.onPush.push(runOnPush(pool, log));
  },
  routes: ({ app, pool }) => void app.register(pipelineRoutes, { pool }),
  mutations: () => pipelineMutations,
});
