/**
 * The import rules of docs/architecture.md, "Rules", checked in CI (`npm run deps:check`).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ is used by every runtime: no node builtins, no electron, no other project folder.',
      severity: 'error',
      from: { path: '^shared/' },
      to: {
        pathNot: ['^shared/', '^node_modules/zod/', '^node_modules/fractional-indexing/'],
      },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'only-main-and-preload-import-electron',
      severity: 'error',
      from: { pathNot: ['^electron/main/', '^electron/preload/', '^test/electron/', '^test/electron-app/'] },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'renderer-only-through-window-pave',
      comment: 'The renderer reaches the backend only through window.pave, typed by shared/ipc.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', '^server/'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-stands-alone',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: ['^electron/', '^renderer/'] },
    },
    {
      name: 'backend-is-plain-node',
      comment:
        'electron/backend runs inside Electron and inside electron/web; it never reaches main, preload or the renderer.',
      severity: 'error',
      from: { path: '^electron/backend/' },
      to: { path: ['^electron/main/', '^electron/preload/', '^electron/web/', '^renderer/', '^server/'] },
    },
    {
      name: 'web-is-not-electron',
      severity: 'error',
      from: { path: '^electron/web/' },
      to: { path: ['^electron/main/', '^electron/preload/', '^renderer/', '^server/'] },
    },
    {
      name: 'core-knows-no-feature',
      comment:
        'A side\'s core (everything outside features/) never imports one of its features; only the side\'s composition roots (features.ts, contract.ts) list them. docs/architecture.md, "Rules".',
      severity: 'error',
      from: {
        path: '^(server|electron/backend|renderer|shared)/',
        // The composition roots: each side's feature list and the entry that wires it.
        pathNot: [
          '^(server|electron/backend|renderer|shared)/features/',
          '^(server/app|server/features|electron/backend/create-backend|electron/backend/features|renderer/main|renderer/features|shared/features|shared/contract)\\.tsx?$',
        ],
      },
      to: { path: '^$1/features/' },
    },
    {
      name: 'cores-know-no-shared-feature',
      comment:
        "Cores and hosts reach what the features share only through the composed contract (shared/contract.ts), never a feature's own file.",
      severity: 'error',
      from: {
        path: '^(server|electron|renderer)/',
        pathNot: '^(server|electron/backend|renderer)/(features/|features\\.ts$)',
      },
      to: { path: '^shared/features/' },
    },
    {
      name: 'feature-through-public-entry',
      comment:
        "A feature reaches another only through that feature's public entry (features/<f>/public.ts on server, backend and renderer).",
      severity: 'error',
      from: { path: '^(server|electron/backend|renderer)/features/([^/]+)/' },
      to: { path: '^$1/features/', pathNot: ['^$1/features/$2/', '^$1/features/[^/]+/public\\.tsx?$'] },
    },
    {
      name: 'shared-feature-through-api-or-ipc',
      comment: 'In shared/, a feature reaches another only through its api.ts or ipc.ts.',
      severity: 'error',
      from: { path: '^shared/features/([^/]+)/' },
      to: {
        path: '^shared/features/',
        pathNot: ['^shared/features/$1/', '^shared/features/[^/]+/(api|ipc)\\.ts$'],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^dist', '^dist-electron'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
