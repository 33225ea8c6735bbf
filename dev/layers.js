// @ts-check
'use strict';
/**
 * Static scan of the one-way layering between the plain-JS folders: test/ and scripts/ may use dev/,
 * dev/ uses neither, and test/ and scripts/ never use each other. Reads require(), import() and
 * `from '...'` specifiers (JSDoc type imports included, since they tie files together too) and
 * resolves the relative ones; package names and node: built-ins are ignored.
 */
const fs = require('node:fs');
const path = require('node:path');

/** Which top-level folders each folder must not reach. */
const FORBIDDEN = {
	dev: ['test', 'scripts'],
	scripts: ['test'],
	test: ['scripts'],
};

const SPECIFIER = /(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)|\bfrom\s+['"]([^'"]+)['"]/g;

/**
 * @param {string} dir absolute
 * @returns {string[]} absolute paths of .js/.mjs/.cjs files below dir
 */
function jsFiles(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true })
		.map(String)
		.filter((f) => /\.(c|m)?js$/.test(f) && !f.split(path.sep).includes('node_modules'))
		.map((f) => path.join(dir, f));
}

/**
 * Every relative specifier in a source text.
 * @param {string} source
 * @returns {string[]}
 */
function relativeSpecifiers(source) {
	const out = [];
	for (const m of source.matchAll(SPECIFIER)) {
		const spec = m[1] ?? m[2];
		if (spec.startsWith('.')) out.push(spec);
	}
	return out;
}

/**
 * Layer violations under root, as readable lines (empty when the layering holds).
 * @param {string} root repository root
 * @returns {string[]}
 */
function layerViolations(root) {
	/** @type {string[]} */
	const problems = [];
	for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
		for (const file of jsFiles(path.join(root, layer))) {
			for (const spec of relativeSpecifiers(fs.readFileSync(file, 'utf8'))) {
				const target = path.relative(root, path.resolve(path.dirname(file), spec));
				const top = target.split(path.sep)[0];
				if (forbidden.includes(top)) {
					problems.push(
						`${path.relative(root, file)} uses ${spec} (${layer}/ must not use ${top}/)`,
					);
				}
			}
		}
	}
	return problems;
}

module.exports = { layerViolations, relativeSpecifiers, FORBIDDEN };
