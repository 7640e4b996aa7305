// ESLint flat config: `npm run lint` lints client/src, server/src, test and scripts.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** The Node.js globals that CommonJS scripts use (no dependency on the `globals` package). */
const nodeGlobals = Object.fromEntries(
	[
		'require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer',
		'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
		'URL', 'TextDecoder', 'TextEncoder', 'performance', 'structuredClone',
	].map(name => [name, 'readonly']),
);

export default tseslint.config(
	{
		ignores: ['node_modules/', 'out/', 'out-*/', 'dist/', '.tools/', 'test-artifacts/', '.bench/', '**/*.d.ts', 'test/fixtures/'],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		// Every if, else and loop body in braces: a one-line body grows a second line without a diff in the condition.
		rules: { curly: ['error', 'all'] },
	},
	{
		files: ['**/*.ts'],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			// Promises nobody awaits lose their errors; in an extension they fail silently.
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
		},
	},
	{
		// The pure vault service (server/src/service) runs anywhere: no Node built-ins, no editor,
		// no LSP connection, nothing from the transport. It speaks in vscode-languageserver-types only.
		files: ['server/src/service/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				paths: [
					...builtinModules.filter(name => !name.startsWith('_')).flatMap(name => [name, `node:${name}`]),
					{ name: 'vscode', message: 'The service must not depend on the editor.' },
					{ name: 'vscode-languageserver', message: 'Use vscode-languageserver-types: the connection belongs to server/src/node.' },
					{ name: 'vscode-languageserver/node', message: 'The connection belongs to server/src/node.' },
					{ name: 'vscode-languageserver-protocol', message: 'Use vscode-languageserver-types: the protocol belongs to server/src/node.' },
				],
				patterns: [
					{ group: ['**/node/**', '**/node', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The service must not import the transport (server/src/node) or an LSP connection.' },
					{ group: ['**/client/**'], message: 'The service must not import the VS Code client.' },
				],
			}],
		},
	},
	{
		// No import cycles anywhere in the TypeScript source (value imports: import-x does not follow
		// `import type`; test/unit/importCycles.test.ts checks those too).
		files: ['client/src/**/*.ts', 'server/src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		plugins: { 'import-x': importX },
		settings: {
			'import-x/extensions': ['.ts', '.js'],
			'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
			'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.d.ts', '.js', '.json', '.node'] })],
		},
		rules: {
			'import-x/no-cycle': 'error',
		},
	},
	{
		files: ['**/*.js', '**/*.cjs'],
		languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
		rules: {
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
	{
		// Mocha test files written in JavaScript (the suites run inside VS Code are plain CommonJS).
		files: ['test/**/*.js'],
		languageOptions: {
			globals: Object.fromEntries(
				['describe', 'it', 'before', 'after', 'beforeEach', 'afterEach', 'suite', 'test', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown']
					.map(name => [name, 'readonly']),
			),
		},
	},
	{
		files: ['**/*.mjs'],
		languageOptions: { sourceType: 'module', globals: nodeGlobals },
	},
);
