// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { layerViolations, relativeSpecifiers } = require('../../dev/layers');

test('specifiers: require, import() and from, relative ones only', () => {
	const source = [
		"const a = require('./a');",
		"const b = require('node:fs');",
		"/** @type {import('../dev/b').B} */",
		"import c from '../c.js';",
		"const d = require('lodash');",
	].join('\n');
	assert.deepEqual(relativeSpecifiers(source), ['./a', '../dev/b', '../c.js']);
});

test('a test requiring scripts/, scripts/ requiring test/ and dev/ requiring either are reported', () => {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ccpayment-layers-'));
	try {
		/** @param {string} rel @param {string} text */
		const write = (rel, text) => {
			fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
			fs.writeFileSync(path.join(root, rel), text);
		};
		write('dev/ok.js', "require('./other');");
		// Built from parts so that this file's own source does not read as a violation.
		const req = (/** @type {string} */ spec) => `require('${spec}');\n`;
		write('dev/bad.js', req('../test/helpers/x') + req('../scripts/y'));
		write('scripts/run.js', req('../dev/ok') + req('../test/z'));
		write('test/a/b.test.js', req('../../dev/ok') + req('../../scripts/run'));
		assert.deepEqual(layerViolations(root).sort(), [
			'dev/bad.js uses ../scripts/y (dev/ must not use scripts/)',
			'dev/bad.js uses ../test/helpers/x (dev/ must not use test/)',
			'scripts/run.js uses ../test/z (scripts/ must not use test/)',
			'test/a/b.test.js uses ../../scripts/run (test/ must not use scripts/)',
		]);
	} finally {
		fs.rmSync(root, { recursive: true, force: true });
	}
});

test('this repository keeps its layers', () => {
	assert.deepEqual(layerViolations(path.resolve(__dirname, '..', '..')), []);
});
