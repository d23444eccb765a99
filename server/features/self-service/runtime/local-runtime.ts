import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import type { LogLine, TrafficCount } from '../../../../shared/features/self-service/api';
import { findFreePort } from '../../../process/free-port';
import { probeHealth } from './health-probe';
import { defaultRestartPolicy, restartDelay, type RestartPolicy } from './restart-policy';
import { defaultLogRotation, RotatingLog, tailRotated, type LogRotation } from './rotating-log';
import { StableProxy } from './stable-proxy';

export interface InstanceSpec {
  deploymentId: string;
  serviceId: string;
  environment: EnvironmentName;
  version: string;
  dir: string;
  command: string[];
  healthPath: string;
  /** Secrets by name; injected into the environment and redacted from captured output. */
  secrets: Record<string, string>;
  /** Other platform-provided variables (a flags endpoint and key); redacted like secrets. */
  env?: Record<string, string>;
}

export interface Instance {
  spec: InstanceSpec;
  port: number;
  /** The current process; a restart after a crash replaces it (and `exited`). */
  child: ChildProcess;
  exited: Promise<number | null>;
  running: boolean;
  /** Restarts after crashes so far. */
  restarts: number;
}

/**
 * A process of a deployment exited without being stopped; it starts again after `restartInMs`,
 * or stays down (null) when its deployment is not one to restart.
 */
export interface CrashEvent {
  spec: InstanceSpec;
  code: number | null;
  signal: NodeJS.Signals | null;
  restartInMs: number | null;
}

export interface LocalRuntimeOptions {
  restart?: Partial<RestartPolicy>;
  logs?: Partial<LogRotation>;
  /**
   * Whether a crashed process is started again. The platform restarts live deployments only: a
   * version still deploying, or a canary, that dies is that operation's failure to report.
   */
  shouldRestart?: (spec: InstanceSpec) => Promise<boolean>;
}

declare module '../../../platform/server-feature' {
  interface PlatformOptions {
    /** How crashed service processes restart and how their output rotates (tests shorten them). */
    serviceRuntime?: LocalRuntimeOptions;
  }
}

const REDACTED = '[redacted]';
const STOP_GRACE_MS = 5000;

/**
 * Runs service versions as real processes on this machine (docs/architecture.md, "Operations"): each
 * version on its own port, one stable-port proxy per service+environment, stdout/stderr captured
 * to `<dataDir>/runtime/<service>/<env>/output.ndjson` (rotated by size, see rotating-log.ts) and
 * emitted live as `log` events. A process that exits without being stopped is restarted on its
 * port with back-off (restart-policy.ts) and reported as a `crash` event.
 */
export class LocalRuntime extends EventEmitter<{ log: [LogLine]; crash: [CrashEvent]; restart: [Instance] }> {
  private readonly instances = new Map<string, Instance>();
  private readonly proxies = new Map<string, StableProxy>();
  private readonly logFiles = new Map<string, RotatingLog>();
  private readonly restartTimers = new Map<Instance, NodeJS.Timeout>();
  private readonly restartPolicy: RestartPolicy;
  private readonly logRotation: LogRotation;
  private readonly shouldRestart: (spec: InstanceSpec) => Promise<boolean>;

  constructor(
    readonly dataDir: string,
    options: LocalRuntimeOptions = {},
  ) {
    super();
    this.setMaxListeners(0);
    this.restartPolicy = { ...defaultRestartPolicy, ...options.restart };
    this.logRotation = { ...defaultLogRotation, ...options.logs };
    this.shouldRestart = options.shouldRestart ?? (async () => true);
  }

  envDir(serviceId: string, environment: string): string {
    return path.join(this.dataDir, 'runtime', serviceId, environment);
  }

  versionDir(serviceId: string, environment: string, sha: string): string {
    return path.join(this.envDir(serviceId, environment), sha);
  }

  logFile(serviceId: string, environment: string): string {
    return path.join(this.envDir(serviceId, environment), 'output.ndjson');
  }

  private async logStream(serviceId: string, environment: string): Promise<RotatingLog> {
    const file = this.logFile(serviceId, environment);
    let stream = this.logFiles.get(file);
    if (!stream) {
      await mkdir(path.dirname(file), { recursive: true });
      stream = new RotatingLog(file, this.logRotation);
      this.logFiles.set(file, stream);
    }
    return stream;
  }

  /** Starts a version on a free port with PORT and its secrets in the environment. */
  async start(spec: InstanceSpec): Promise<Instance> {
    if (!spec.command[0]) throw new Error('empty start command');
    const port = await findFreePort();
    const output = await this.logStream(spec.serviceId, spec.environment);
    const child = this.spawnProcess(spec, port, output);
    const instance: Instance = { spec, port, child, running: true, restarts: 0, exited: this.watch(child) };
    this.supervise(instance);
    this.instances.set(spec.deploymentId, instance);
    await this.writePidFile(instance);
    return instance;
  }

  /** The pid and the id the process was started as (its PAVE_DEPLOYMENT, kept across adopt()). */
  private async writePidFile(instance: Instance): Promise<void> {
    const { child, spec } = instance;
    if (child.pid !== undefined)
      await writeFile(this.pidFile(spec), `${child.pid} ${spec.deploymentId}\n`, { mode: 0o600 });
  }

  private watch(child: ChildProcess): Promise<number | null> {
    return new Promise((resolve) => {
      child.once('error', () => resolve(null));
      child.once('exit', (code) => resolve(code));
    });
  }

  /**
   * When the current process exits and the instance was not stopped, emits `crash` and starts the
   * same spec again on the same port (the stable proxy keeps pointing at it) after the back-off.
   */
  private supervise(instance: Instance, attempt = 0): void {
    const { child } = instance;
    const startedAt = Date.now();
    const stillOurs = () =>
      this.instances.get(instance.spec.deploymentId) === instance && instance.child === child;
    void instance.exited.then(async () => {
      instance.running = false;
      if (!stillOurs()) return;
      const restart = await this.shouldRestart(instance.spec).catch(() => false);
      if (!stillOurs()) return;
      const next = restartDelay(this.restartPolicy, attempt, Date.now() - startedAt);
      const crash = { spec: instance.spec, code: child.exitCode, signal: child.signalCode };
      if (!restart) {
        this.emit('crash', { ...crash, restartInMs: null });
        return;
      }
      this.emit('crash', { ...crash, restartInMs: next.delayMs });
      const timer = setTimeout(() => {
        this.restartTimers.delete(instance);
        void this.restart(instance, next.attempt);
      }, next.delayMs);
      this.restartTimers.set(instance, timer);
    });
  }

  private async restart(instance: Instance, attempt: number): Promise<void> {
    if (this.instances.get(instance.spec.deploymentId) !== instance) return;
    const output = await this.logStream(instance.spec.serviceId, instance.spec.environment);
    const child = this.spawnProcess(instance.spec, instance.port, output);
    instance.child = child;
    instance.exited = this.watch(child);
    instance.running = true;
    instance.restarts += 1;
    this.supervise(instance, attempt);
    await this.writePidFile(instance).catch(() => undefined);
    this.emit('restart', instance);
  }

  private spawnProcess(spec: InstanceSpec, port: number, output: RotatingLog): ChildProcess {
    const [program = '', ...args] = spec.command;
    const child = spawn(program, args, {
      cwd: spec.dir,
      // Only what the service needs: never the platform's own environment (database URLs, tokens).
      env: {
        PATH: process.env.PATH,
        NODE_ENV: spec.environment === 'development' ? 'development' : 'production',
        PORT: String(port),
        PAVE_SERVICE: spec.serviceId,
        PAVE_DEPLOYMENT: spec.deploymentId,
        PAVE_ENVIRONMENT: spec.environment,
        PAVE_VERSION: spec.version,
        PAVE_SECRET_NAMES: Object.keys(spec.secrets).join(','),
        ...spec.env,
        ...spec.secrets,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const secretValues = [...Object.values(spec.secrets), ...Object.values(spec.env ?? {})].filter(
      (value) => value.length >= 4,
    );
    const capture = (stream: NodeJS.ReadableStream, name: 'stdout' | 'stderr') => {
      createInterface({ input: stream }).on('line', (raw) => {
        let line = raw;
        for (const value of secretValues) line = line.split(value).join(REDACTED);
        const entry: LogLine = {
          serviceId: spec.serviceId,
          environment: spec.environment,
          deploymentId: spec.deploymentId,
          stream: name,
          line,
        };
        output.write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
        this.emit('log', entry);
      });
    };
    if (child.stdout) capture(child.stdout, 'stdout');
    if (child.stderr) capture(child.stderr, 'stderr');
    return child;
  }

  private pidFile(spec: Pick<InstanceSpec, 'serviceId' | 'environment' | 'deploymentId'>): string {
    return path.join(this.envDir(spec.serviceId, spec.environment), `${spec.deploymentId}.pid`);
  }

  /**
   * Kills service processes left running by a platform process that died without stopping them
   * (SIGKILL, power loss): their pid files remain. A pid is only killed if /proc shows it is still
   * that deployment's process (PAVE_DEPLOYMENT in its environment), never a reused pid. Linux only;
   * elsewhere the files are just removed.
   */
  async reapOrphans(): Promise<number> {
    let reaped = 0;
    const root = path.join(this.dataDir, 'runtime');
    const services = await readdir(root).catch(() => [] as string[]);
    for (const service of services) {
      const environments = await readdir(path.join(root, service)).catch(() => [] as string[]);
      for (const environment of environments) {
        const dir = path.join(root, service, environment);
        const files = await readdir(dir).catch(() => [] as string[]);
        for (const file of files.filter((f) => f.endsWith('.pid'))) {
          const deploymentId = file.slice(0, -'.pid'.length);
          if (this.instances.has(deploymentId)) continue;
          const [pidText, startedAs] = (await readFile(path.join(dir, file), 'utf8')).trim().split(' ');
          const pid = Number(pidText);
          const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
          if (pid > 0 && environ.split('\0').includes(`PAVE_DEPLOYMENT=${startedAs ?? deploymentId}`)) {
            process.kill(pid, 'SIGKILL');
            reaped += 1;
          }
          await rm(path.join(dir, file), { force: true });
        }
      }
    }
    return reaped;
  }

  /**
   * Polls the health endpoint until it answers 2xx. False on timeout or if the process exits:
   * either way the version must not take traffic.
   */
  async waitHealthy(instance: Instance, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!instance.running) return false;
      if (await probeHealth(instance.port, instance.spec.healthPath, 1000)) return true;
      const exited = await Promise.race([
        instance.exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 100)),
      ]);
      if (exited) return false;
    }
    return false;
  }

  /** Started by this runtime and not stopped (it may have exited since: a crash). */
  owns(deploymentId: string): boolean {
    return this.instances.has(deploymentId);
  }

  instance(deploymentId: string): Instance | undefined {
    const found = this.instances.get(deploymentId);
    return found?.running ? found : undefined;
  }

  /** A running instance now belongs to another deployment row (a rollback re-using a kept process). */
  async adopt(fromDeploymentId: string, toDeploymentId: string): Promise<Instance | undefined> {
    const instance = this.instance(fromDeploymentId);
    if (!instance) return undefined;
    this.instances.delete(fromDeploymentId);
    const from = this.pidFile(instance.spec);
    instance.spec = { ...instance.spec, deploymentId: toDeploymentId };
    this.instances.set(toDeploymentId, instance);
    await rename(from, this.pidFile(instance.spec)).catch(() => undefined);
    return instance;
  }

  async stop(deploymentId: string): Promise<void> {
    const instance = this.instances.get(deploymentId);
    if (!instance) return;
    this.instances.delete(deploymentId);
    clearTimeout(this.restartTimers.get(instance));
    this.restartTimers.delete(instance);
    if (instance.running) {
      // Drain first: requests the stable proxy already sent here finish before the SIGTERM.
      await this.drained(instance.port, STOP_GRACE_MS);
      instance.child.kill('SIGTERM');
      const timer = setTimeout(() => instance.child.kill('SIGKILL'), STOP_GRACE_MS);
      await instance.exited;
      clearTimeout(timer);
    }
    await rm(this.pidFile(instance.spec), { force: true });
  }

  /** Deployment ids with a live process for this service+environment. */
  runningFor(serviceId: string, environment: string): string[] {
    return [...this.instances.entries()]
      .filter(([, i]) => i.running && i.spec.serviceId === serviceId && i.spec.environment === environment)
      .map(([id]) => id);
  }

  private async proxyFor(serviceId: string, environment: string, stablePort: number): Promise<StableProxy> {
    const key = `${serviceId}/${environment}`;
    let proxy = this.proxies.get(key);
    if (!proxy) {
      proxy = new StableProxy(stablePort);
      await proxy.listen();
      this.proxies.set(key, proxy);
    }
    return proxy;
  }

  /** Opens (once) the stable-port proxy of a service+environment and points it at `targetPort`. */
  async route(
    serviceId: string,
    environment: string,
    stablePort: number,
    targetPort: number | null,
  ): Promise<void> {
    (await this.proxyFor(serviceId, environment, stablePort)).pointAt(targetPort);
  }

  /** Shares new requests of the stable port between two versions (a canary); counts restart at zero. */
  async split(
    serviceId: string,
    environment: string,
    stablePort: number,
    targets: { stablePort: number; canaryPort: number; canaryPercent: number },
  ): Promise<void> {
    const proxy = await this.proxyFor(serviceId, environment, stablePort);
    proxy.split(targets.stablePort, targets.canaryPort, targets.canaryPercent);
  }

  /** Requests and failures the stable proxy sent to `port` since the last split. */
  traffic(serviceId: string, environment: string, port: number): TrafficCount {
    return this.proxies.get(`${serviceId}/${environment}`)?.traffic(port) ?? { requests: 0, failures: 0 };
  }

  /** Resolves once no proxy has a request in flight to `port`, or after `timeoutMs`. */
  private async drained(port: number, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...this.proxies.values()].map((proxy) => proxy.drained(port))),
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  /** The last `count` captured lines of a service+environment, across rotated files. */
  async tail(serviceId: string, environment: string, count: number): Promise<LogLine[]> {
    const lines = await tailRotated(this.logFile(serviceId, environment), this.logRotation.files, count);
    return lines.map((line) => {
      const { serviceId: s, environment: e, deploymentId, stream, line: l } = JSON.parse(line) as LogLine;
      return { serviceId: s, environment: e, deploymentId, stream, line: l };
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.instances.keys()].map((id) => this.stop(id)));
    await Promise.all([...this.proxies.values()].map((proxy) => proxy.close()));
    this.proxies.clear();
    await Promise.all([...this.logFiles.values()].map((log) => log.close()));
    this.logFiles.clear();
  }
}
