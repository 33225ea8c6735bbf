// ESLint for the plain-JS development code (simulator, dev libraries, scripts, tests).
// The published TypeScript in nodes/ and credentials/ is linted by n8n's strict config in
// eslint.config.mjs; this file only covers what that config does not.
import js from '@eslint/js';
import globals from 'globals';

export default [
	{
		ignores: ['dist/**', 'node_modules/**', 'nodes/**', 'credentials/**', 'coverage/**', '.e2e/**'],
	},
	{
		files: ['**/*.js'],
		...js.configs.recommended,
		languageOptions: {
			ecmaVersion: 2022,
			sourceType: 'commonjs',
			globals: { ...globals.node },
		},
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: {
			...js.configs.recommended.rules,
			// A leading underscore marks a parameter kept for its position in a signature n8n calls.
			'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['**/*.mjs'],
		...js.configs.recommended,
		languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
	},
];
