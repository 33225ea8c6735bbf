// @ts-check
'use strict';
/**
 * Packs this package with `npm pack` and installs the tarball into an n8n user folder the way n8n's
 * community-package installer does (n8n 2.x CommunityPackagesService.downloadPackage):
 *   extract into <user>/.n8n/nodes/node_modules/<name> (strip the leading `package/`), drop devDependencies,
 *   peerDependencies and optionalDependencies from its package.json, then `npm install --audit=false
 *   --fund=false --bin-links=false --install-strategy=shallow --ignore-scripts=true --package-lock=false`
 *   inside it, and record it in <user>/.n8n/nodes/package.json.
 */
const fs = require('fs');
const path = require('path');
const { run } = require('./procs');

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * @param {string} outDir where the tarball goes (a temp folder)
 * @param {string} npmCache a temp npm cache so nothing is written to ~/.npm
 * @returns {Promise<{ tarball: string, name: string, version: string, files: string[] }>}
 */
async function packPackage(outDir, npmCache) {
	fs.mkdirSync(outDir, { recursive: true });
	const r = await run('npm pack', 'npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: ROOT,
		env: { ...process.env, npm_config_cache: npmCache, npm_config_update_notifier: 'false' },
		timeoutMs: 5 * 60 * 1000,
	});
	if (r.code !== 0)
		throw new Error(`npm pack failed (exit ${r.code}): ${r.stderr.trim().slice(-2000)}`);
	const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')))[0];
	return {
		tarball: path.join(outDir, info.filename),
		name: info.name,
		version: info.version,
		files: info.files.map((/** @type {{path: string}} */ f) => f.path),
	};
}

/**
 * @param {string} userFolder the N8N_USER_FOLDER (n8n uses <it>/.n8n)
 * @param {{ tarball: string, name: string, version: string }} pack
 * @param {string} npmCache
 * @returns {Promise<string>} the installed package directory
 */
async function installIntoUserFolder(userFolder, pack, npmCache) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', pack.name);
	fs.mkdirSync(pkgDir, { recursive: true });
	const tar = await run(
		'tar',
		'tar',
		['-xzf', pack.tarball, '-C', pkgDir, '--strip-components=1'],
		{ timeoutMs: 60000 },
	);
	if (tar.code !== 0) throw new Error(`tar failed: ${tar.stderr}`);
	const pjPath = path.join(pkgDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pj } = JSON.parse(
		fs.readFileSync(pjPath, 'utf8'),
	);
	void devDependencies;
	void peerDependencies;
	void optionalDependencies;
	fs.writeFileSync(pjPath, JSON.stringify(pj, null, 2), 'utf8');
	const r = await run(
		'npm install (package)',
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{
			cwd: pkgDir,
			env: { ...process.env, npm_config_cache: npmCache, npm_config_update_notifier: 'false' },
			timeoutMs: 5 * 60 * 1000,
		},
	);
	if (r.code !== 0)
		throw new Error(
			`npm install in ${pkgDir} failed (exit ${r.code}): ${r.stderr.trim().slice(-2000)}`,
		);
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify(
			{ name: 'installed-nodes', private: true, dependencies: { [pack.name]: pack.version } },
			null,
			2,
		),
	);
	return pkgDir;
}

module.exports = { packPackage, installIntoUserFolder, ROOT };
