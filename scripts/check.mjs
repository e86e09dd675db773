/**
 * The type check and ESLint on one TypeScript program (`npm run check`, part of `npm test`): what
 * `tsc -p .` and `eslint --max-warnings 0 .` report, with the type information built once. Run one
 * after the other, each built the whole program (every file parsed, bound and type-checked) by
 * itself: ESLint's type-aware rules asked its own copy of the checker the types `tsc` had worked out
 * already. Here the program `tsc -p .` would check is checked once, and ESLint's parser is given
 * it (`parserOptions.programs`), so the rules read the types the check computed.
 *
 * Fails (exit 1) on any compiler error, any lint error and any lint warning, as the two commands do.
 * `npm run typecheck` and `npm run lint` stay for running one of them alone.
 */
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = process.cwd();
const configPath = ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.json');
if (!configPath) {
  console.error('tsconfig.json not found');
  process.exit(1);
}

const configErrors = [];
const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d),
});
if (!parsed) {
  report(configErrors);
  process.exit(1);
}
// Parent pointers set, as typescript-eslint's own programs have them (its rules walk up the tree).
const host = ts.createCompilerHost(parsed.options, true);
const program = ts.createProgram({
  rootNames: parsed.fileNames,
  options: parsed.options,
  projectReferences: parsed.projectReferences,
  host,
  configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
});

// What `tsc -p .` reports with `noEmit`: the configuration's, the options', then each file's syntax and types.
const diagnostics = ts.sortAndDeduplicateDiagnostics([
  ...program.getConfigFileParsingDiagnostics(),
  ...ts.getPreEmitDiagnostics(program),
]);
report(diagnostics);

const eslint = new ESLint({
  cwd: root,
  // The TypeScript files take their types from the program checked above; the config's
  // `projectService` would build another. JavaScript files keep the config's settings (no types).
  overrideConfig: [{
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: { parserOptions: { projectService: false, programs: [program] } },
  }],
});
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const text = await formatter.format(results, { cwd: root, rulesMeta: eslint.getRulesMetaForResults(results) });
if (text) {
  console.log(text);
}
const errors = results.reduce((n, r) => n + r.errorCount + r.fatalErrorCount, 0);
const warnings = results.reduce((n, r) => n + r.warningCount, 0);
const typeErrors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
console.log(`check: ${typeErrors} type error(s), ${errors} lint error(s), ${warnings} lint warning(s) (no warnings allowed) in ${results.length} files`);
process.exitCode = typeErrors > 0 || errors > 0 || warnings > 0 ? 1 : 0;

function report(list) {
  if (list.length === 0) {
    return;
  }
  const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => ts.sys.newLine };
  const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  console.log(format(list, formatHost));
}
