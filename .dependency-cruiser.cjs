/**
 * Module boundaries (npm run lint): a module reaches another only through its index.ts, nothing is
 * imported in a circle, and the web pages and the JSON API reach data only through services.
 */
/** A module: a folder under src/modules, or under src/modules/channels (sms, email). */
const MODULE = '(channels/[^/]+|[^/]+)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-through-index',
      comment: 'A module under src/modules/X reaches another module only through that module\'s index.ts.',
      severity: 'error',
      from: { path: `^src/modules/${MODULE}/` },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', `^src/modules/${MODULE}/index\\.ts$`] },
    },
    {
      name: 'outside-through-index',
      comment: 'Code outside src/modules reaches a module only through its index.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/modules/' },
      to: { path: '^src/modules/', pathNot: `^src/modules/${MODULE}/index\\.ts$` },
    },
    {
      name: 'no-circular',
      comment: 'No file imports itself through others at run time (a cycle of type imports only is erased by the compiler).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'adapters-not-to-repositories',
      comment: 'Web pages and the JSON API are adapters over services: they never reach a repository.',
      severity: 'error',
      from: { path: '^src/(web|api)/' },
      to: { path: '\\.repository\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
