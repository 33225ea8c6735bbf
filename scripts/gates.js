// @ts-check
/**
 * Verification gates, all offline:
 *  1. package.json shape n8n verification requires (no dependencies, exact peer deps, n8n block, no
 *     install-time lifecycle scripts, every registered file exists in dist/);
 *  2. n8n's own lint (`n8n-node lint`, strict template) and the same config through ESLint with
 *     --max-warnings 0, so warnings fail too;
 *  3. ESLint's recommended rules on the plain JS (eslint.dev.config.mjs), zero warnings;
 *  4. Prettier: every formatted file is as Prettier writes it (`prettier --check`);
 *  5. one-way layers: test/ and scripts/ never use each other, dev/ uses neither (dev/layers.js);
 *  6. the verification scanner's `analyzePackage` on the source (its SOURCE_FILE_PATTERNS) and on
 *     the unpacked `npm pack` tarball, counting warnings as well as errors;
 *  7. the tarball holds only what n8n loads (compiled JS, codex JSON, icons; no declarations or source
 *     maps), README, LICENSE and package.json, and stays within its size budget.
 * Expects a fresh `npm run build`. Takes no flags. Prints one line per gate and a final
 * `N passed, N failed`.
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createRequire } = require('module');
const { parseArgs } = require('util');
const { layerViolations } = require('../dev/layers');

parseArgs({ options: {} }); // no flags: anything given is a mistake worth reporting

const ROOT = path.resolve(__dirname, '..');
// Only what n8n loads: the v1 nodes alone pack to about 49 kB; the v2 API roughly doubles the code.
const MAX_TARBALL_BYTES = 120 * 1000;
/** @type {{name: string, ok: boolean, detail: string}[]} */
const results = [];

/** @param {string} name @param {boolean} ok @param {string} [detail] */
function record(name, ok, detail = '') {
	results.push({ name, ok, detail });
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `: ${detail}` : ''}`);
}

function npmBin() {
	return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function checkPackageJson() {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const problems = [];
	if (pkg.name !== 'n8n-nodes-ccpayment') problems.push('name');
	if (!pkg.keywords?.includes('n8n-community-node-package'))
		problems.push('keyword n8n-community-node-package');
	if (pkg.license !== 'MIT') problems.push('license MIT');
	if (pkg.dependencies && Object.keys(pkg.dependencies).length)
		problems.push(`dependencies must be empty: ${Object.keys(pkg.dependencies)}`);
	if (JSON.stringify(pkg.peerDependencies) !== JSON.stringify({ 'n8n-workflow': '*' }))
		problems.push('peerDependencies must be exactly {"n8n-workflow":"*"}');
	if (pkg.overrides) problems.push('no overrides field');
	for (const s of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) {
		if (pkg.scripts?.[s]) problems.push(`forbidden lifecycle script ${s}`);
	}
	// Only what n8n loads: compiled nodes and credentials and their icons (dist/ may hold more).
	const shipped = ['dist/nodes', 'dist/credentials', 'dist/icons'];
	if (JSON.stringify(pkg.files) !== JSON.stringify(shipped))
		problems.push(`files must be ${JSON.stringify(shipped)}`);
	const n8n = pkg.n8n ?? {};
	if (n8n.n8nNodesApiVersion !== 1 || n8n.strict !== true)
		problems.push('n8n block: n8nNodesApiVersion 1, strict true');
	for (const file of [...(n8n.nodes ?? []), ...(n8n.credentials ?? [])]) {
		if (!file.startsWith('dist/')) problems.push(`${file} must start with dist/`);
		else if (!fs.existsSync(path.join(ROOT, file)))
			problems.push(`${file} missing (run npm run build)`);
	}
	const nodeSources = fs
		.readdirSync(path.join(ROOT, 'nodes'), { recursive: true })
		.map(String)
		.filter((f) => f.endsWith('.node.ts'))
		.map((f) => `dist/nodes/${f.replace(/\.ts$/, '.js')}`);
	for (const f of nodeSources)
		if (!(n8n.nodes ?? []).includes(f)) problems.push(`${f} not registered in n8n.nodes`);
	if (!pkg.author?.name || !pkg.author?.email) problems.push('author name and email');
	if (!pkg.description) problems.push('description');
	if (!pkg.homepage) problems.push('homepage');
	record('package.json is verification-ready', problems.length === 0, problems.join('; '));
}

function runLint() {
	const cli = spawnSync(
		process.execPath,
		[path.join(ROOT, 'node_modules/@n8n/node-cli/bin/n8n-node.mjs'), 'lint'],
		{
			cwd: ROOT,
			encoding: 'utf8',
		},
	);
	const out = `${cli.stdout}${cli.stderr}`.trim();
	record('n8n-node lint (strict)', cli.status === 0, cli.status === 0 ? '' : out.slice(-3000));

	const eslint = spawnSync(
		process.execPath,
		[
			path.join(ROOT, 'node_modules/eslint/bin/eslint.js'),
			'.',
			'--max-warnings',
			'0',
			'--format',
			'stylish',
		],
		{
			cwd: ROOT,
			encoding: 'utf8',
		},
	);
	const eslintOut = `${eslint.stdout}${eslint.stderr}`.trim();
	record(
		'eslint with n8n config, zero warnings',
		eslint.status === 0,
		eslint.status === 0 ? '' : eslintOut.slice(-3000),
	);
}

/** The plain JS (simulator, dev, scripts, tests) through ESLint's recommended rules. */
function runJsLint() {
	const r = spawnSync(
		process.execPath,
		[
			path.join(ROOT, 'node_modules/eslint/bin/eslint.js'),
			'-c',
			'eslint.dev.config.mjs',
			'--max-warnings',
			'0',
			'.',
		],
		{ cwd: ROOT, encoding: 'utf8' },
	);
	const out = `${r.stdout}${r.stderr}`.trim();
	record(
		'eslint recommended on the JS, zero warnings',
		r.status === 0,
		r.status === 0 ? '' : out.slice(-3000),
	);
}

function checkFormat() {
	const r = spawnSync(
		process.execPath,
		[path.join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--check', '.'],
		{
			cwd: ROOT,
			encoding: 'utf8',
		},
	);
	const unformatted = `${r.stdout}${r.stderr}`
		.split('\n')
		.filter((line) => line.startsWith('[warn] ') && !line.includes('Code style issues'))
		.map((line) => line.slice('[warn] '.length));
	/** @type {Record<string, number>} */
	const byFolder = {};
	for (const file of unformatted)
		byFolder[file.split('/')[0]] = (byFolder[file.split('/')[0]] ?? 0) + 1;
	const folders = Object.entries(byFolder)
		.map(([folder, n]) => `${folder} ${n}`)
		.join(', ');
	const detail =
		r.status === 0
			? ''
			: unformatted.length
				? `${unformatted.length} files differ (npm run format): ${folders}`
				: `${r.stdout}${r.stderr}`.slice(-3000);
	record('prettier --check', r.status === 0, detail);
}

function checkLayers() {
	const problems = layerViolations(ROOT);
	record(
		'layers: test/ and scripts/ apart, dev/ uses neither',
		problems.length === 0,
		problems.join('; '),
	);
}

/** @returns {{dir: string, tarball: string, files: {path: string, size: number}[], size: number}} */
function packAndUnpack() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccpayment-gates-'));
	const json = execFileSync(npmBin(), ['pack', '--json', '--pack-destination', dir], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const info = JSON.parse(json.slice(json.indexOf('[')))[0];
	const tarball = path.join(dir, info.filename);
	const unpacked = path.join(dir, 'unpacked');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
	return { dir: path.join(unpacked, 'package'), tarball, files: info.files, size: info.size };
}

/** @param {{files: {path: string, size: number}[], size: number, tarball: string}} pack */
function checkTarball(pack) {
	const allowed = /^(dist\/.+|README\.md|LICENSE(\.md)?|CHANGELOG\.md|package\.json)$/;
	const stray = pack.files.map((f) => f.path).filter((p) => !allowed.test(p));
	const leaked = pack.files
		.map((f) => f.path)
		.filter(
			(p) =>
				/(^|\/)(test|simulator|scripts|examples|dev|docs)\//.test(p) ||
				/\.(test\.js|d\.ts|js\.map)$/.test(p),
		);
	record(
		'npm pack holds only dist/, README, LICENSE, package.json',
		stray.length === 0 && leaked.length === 0,
		[...stray, ...leaked].join(', ') || `${pack.files.length} files`,
	);
	record(
		`tarball under ${MAX_TARBALL_BYTES / 1000} kB`,
		pack.size < MAX_TARBALL_BYTES,
		`${(pack.size / 1000).toFixed(1)} kB packed, ${pack.files.length} files`,
	);
}

/**
 * The scanner's own analyzePackage (errors only, like the verification service) plus the same
 * config through the scanner's ESLint to count warnings.
 * @param {string} label @param {string} dir @param {string[]} patterns
 */
async function scan(label, dir, patterns) {
	const scannerPath = path.join(
		ROOT,
		'node_modules/@n8n/scan-community-package/scanner/scanner.mjs',
	);
	const scanner = await import(scannerPath);
	const official = await scanner.analyzePackage(dir, patterns);
	const scannerRequire = createRequire(scannerPath);
	const { ESLint } = scannerRequire('eslint');
	const fg = scannerRequire('fast-glob');
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const files = fg.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	/** @type {Array<{ warningCount: number, errorCount: number }>} */
	const lintResults = await eslint.lintFiles(files);
	const warnings = lintResults.reduce((/** @type {number} */ n, r) => n + r.warningCount, 0);
	const errors = lintResults.reduce((/** @type {number} */ n, r) => n + r.errorCount, 0);
	let detail = `${files.length} files, ${errors} errors, ${warnings} warnings`;
	if (!official.passed || warnings || errors) {
		const formatter = await eslint.loadFormatter('stylish');
		detail += `\n${official.details ?? official.message ?? ''}\n${await formatter.format(lintResults)}`;
	}
	record(`scanner ${label}`, official.passed && errors === 0 && warnings === 0, detail);
}

async function main() {
	checkPackageJson();
	runLint();
	runJsLint();
	checkFormat();
	checkLayers();
	const scanner = await import(
		path.join(ROOT, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs')
	);
	await scan('source leg (repo)', ROOT, scanner.SOURCE_FILE_PATTERNS);
	const pack = packAndUnpack();
	try {
		checkTarball(pack);
		await scan('tarball leg (npm pack output)', pack.dir, ['**/*.js', 'package.json']);
	} finally {
		fs.rmSync(path.dirname(path.dirname(pack.dir)), { recursive: true, force: true });
	}
	const failed = results.filter((r) => !r.ok).length;
	console.log(`${results.length - failed} passed, ${failed} failed`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	console.log(`${results.length} passed, 1 failed`);
	process.exitCode = 1;
});
