// ESLint (flat config), run by `npm run lint` and first thing in `npm test` after the type check.
// Besides the recommended (typed) typescript-eslint rules, it holds the layout:
//   src/core       pure: no vscode, no value import of the AWS SDK or Smithy (`import type` is fine)
//   src/aws        SDK clients: no vscode
//   src/sandbox    local Service Catalog server: no vscode
//   media          webview scripts, run in a browser: no vscode, no node: modules
//   src            no import cycles
//   file names     camelCase; tests *.test.ts (unit, integration), end-to-end tests *.e2e.ts
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import stylistic from '@stylistic/eslint-plugin';
import checkFile from 'eslint-plugin-check-file';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CAMEL_CASE = '+([a-z])*([a-z0-9])*([A-Z]*([a-z0-9]))'; // eslint-plugin-check-file's CAMEL_CASE
const noVscode = (layer) => ({
  name: 'vscode',
  message: `${layer} must not import vscode (VS Code belongs in src/extension.ts, src/ui, src/connections, src/products, src/provisioning, src/records).`,
});

export default defineConfig(
  {
    ignores: ['dist/', 'out/', 'tools/', 'node_modules/', 'test-results/', 'src/sandbox/model/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Formatting: the layout the code already has, held by the linter (`eslint --fix` applies it), so no
  // second tool decides where lines break. Line length is left to the writer.
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/indent': ['error', 2, { SwitchCase: 1, flatTernaryExpressions: true, ignoredNodes: ['ConditionalExpression *', 'TemplateLiteral *', 'ArrowFunctionExpression > ArrowFunctionExpression', 'ArrowFunctionExpression > ArrowFunctionExpression *'] }],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/comma-spacing': 'error',
      '@stylistic/eol-last': 'error',
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/no-multiple-empty-lines': ['error', { max: 1, maxEOF: 0, maxBOF: 0 }],
      '@stylistic/arrow-parens': ['error', 'always'],
      '@stylistic/arrow-spacing': 'error',
      '@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: true }],
      '@stylistic/keyword-spacing': 'error',
      '@stylistic/space-before-blocks': 'error',
      '@stylistic/space-infix-ops': 'error',
      '@stylistic/key-spacing': 'error',
      '@stylistic/semi-spacing': 'error',
      '@stylistic/member-delimiter-style': 'error',
      '@stylistic/type-annotation-spacing': 'error',
    },
  },

  // Recommended rules, typed: src, test and bench with tsconfig.eslint.json (one program; the options of
  // ./tsconfig.json and bench/tsconfig.json), media with media/tsconfig.json (DOM, no Node).
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.eslint.json', './media/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Deliberate: String(unknown) is how service text reaches inert() and how the webview writes attributes.
      '@typescript-eslint/no-base-to-string': 'off',
      // Async methods that satisfy a Promise-returning interface without awaiting anything are fine here.
      '@typescript-eslint/require-await': 'off',
      // A caught error (unknown) may be passed on as it is.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // `let x; const f = () => x; x = …` is how a callback refers to what it is passed to.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // As tsc's noUnusedLocals/noUnusedParameters: a leading _ marks a name as unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_',
        destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
    },
  },
  // The .mjs scripts are in no tsconfig: untyped rules only, Node's globals.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  // Tests, benchmarks and the sandbox (which reads untyped JSON off the wire and checks it against the
  // service model) work with `any` on purpose.
  {
    files: ['test/**', 'bench/**', 'src/sandbox/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Tests pass methods of fakes and of node:assert around, and print arrays in their messages.
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', {
        allowAny: true, allowArray: true, allowBoolean: true, allowNullish: true, allowNumber: true, allowRegExp: true,
      }],
    },
  },

  // Layers. The SDK and the sandbox are bundles loaded on first use (connections/lazyModules): a value
  // import of src/aws or src/sandbox from elsewhere would put them into extension.js, on the
  // activation path. Types are fine. (The blocks below replace this rule in core, aws, sandbox, media.)
  {
    files: ['src/**'],
    ignores: ['src/aws/**', 'src/sandbox/**', 'src/connections/lazyModules.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/aws/*', '**/aws', '**/sandbox/*', '**/sandbox'],
          allowTypeImports: true,
          message: 'src/aws and src/sandbox are loaded on first use through connections/lazyModules: import their types only.',
        }],
      }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [noVscode('src/core')],
        patterns: [{
          group: ['@aws-sdk/*', '@smithy/*'],
          allowTypeImports: true,
          message: 'src/core is pure: only `import type` from the AWS SDK and Smithy; calls belong in src/aws.',
        }],
      }],
    },
  },
  {
    files: ['src/aws/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [noVscode('src/aws')] }] },
  },
  {
    files: ['src/sandbox/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [noVscode('src/sandbox')] }] },
  },
  {
    files: ['media/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [noVscode('media (webview scripts)')],
        patterns: [{ group: ['node:*'], message: 'media runs in the webview, a browser: no node: modules.' }],
      }],
    },
  },

  // No import cycles in src (relative imports resolve to the .ts files, as esbuild and tsc resolve them).
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Which folder may import which: the pure layer only itself, the AWS layer and the sandbox only
      // the pure layer besides themselves, and nothing in src imports test code.
      'import-x/no-restricted-paths': ['error', {
        zones: [
          { target: './src/core', from: './src', except: ['./core'], message: 'src/core is pure: it imports only src/core.' },
          { target: './src/aws', from: './src', except: ['./core', './aws'], message: 'src/aws imports only src/core besides itself.' },
          { target: './src/sandbox', from: './src', except: ['./core', './sandbox'], message: 'src/sandbox imports only src/core besides itself.' },
          { target: './src', from: './test', message: 'src never imports test code.' },
        ],
      }],
    },
  },
  // Webview pages import only the pure layer of src.
  {
    files: ['media/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', {
        zones: [{ target: './media', from: './src', except: ['./core'], message: 'webview pages import only src/core.' }],
      }],
    },
  },

  // File names: camelCase; *.test.ts in test/unit (mocha runs only those) and test/integration, *.e2e.ts in test/e2e.
  {
    files: ['{src,media,bench,scripts,test}/**/*.{ts,mts,cts,js,mjs,cjs}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': ['error', {
        '{src,media,bench,scripts,test/support}/**/*': 'CAMEL_CASE',
        'test/unit/**/*': `${CAMEL_CASE}.test`,
        'test/integration/**/*': `@(${CAMEL_CASE}|${CAMEL_CASE}.test)`,
        'test/e2e/**/*': `@(${CAMEL_CASE}|${CAMEL_CASE}.e2e)`,
      }],
    },
  },
);
