/**
 * The import rules of DESIGN.md §1, checked in CI (`npm run deps:check`).
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
