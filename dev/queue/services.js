// @ts-check
'use strict';
/**
 * Redis and Postgres for the queue-mode suite and demo: installed from Debian when missing (apt does not
 * start them, and no npm package can stand in for either), then started in the foreground as tracked
 * children on free loopback ports with throwaway data folders, so stopping them is stopping a PID.
 */
const fs = require('fs');
const path = require('path');
const { run, spawnTracked } = require('../e2e/lib/procs');
const { waitFor } = require('../e2e/lib/http');
const net = require('net');

const PG_VERSIONS = ['17', '16', '15'];

/** Debian packages still needed, from what is on disk. @param {{ has: (p: string) => boolean, pgBinDir: string | null }} probe */
function missingPackages(probe) {
	/** @type {string[]} */
	const need = [];
	if (!probe.has('/usr/bin/redis-server')) need.push('redis-server');
	if (!probe.pgBinDir) need.push('postgresql');
	return need;
}

/** The newest installed Postgres server's bin folder, or null. @param {(p: string) => boolean} [has] */
function pgBinDir(has = fs.existsSync) {
	for (const v of PG_VERSIONS) {
		const dir = `/usr/lib/postgresql/${v}/bin`;
		if (has(path.join(dir, 'postgres'))) return dir;
	}
	return null;
}

/**
 * apt-get update + install of what is missing (root only; otherwise says what to install).
 * @param {(msg: string) => void} log
 * @returns {Promise<{ installed: string[], ms: number }>}
 */
async function ensureServices(log) {
	const started = Date.now();
	const need = missingPackages({ has: fs.existsSync, pgBinDir: pgBinDir() });
	if (need.length === 0) return { installed: [], ms: 0 };
	if (typeof process.getuid === 'function' && process.getuid() !== 0)
		throw new Error(
			`missing ${need.join(', ')}: run as root or \`sudo apt-get install ${need.join(' ')}\``,
		);
	log(`installing ${need.join(', ')} from Debian ...`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [
		['update', '-qq'],
		['install', '-y', '-qq', '--no-install-recommends', ...need],
	]) {
		const r = await run(`apt-get ${args[0]}`, 'apt-get', args, { env, timeoutMs: 15 * 60 * 1000 });
		if (r.code !== 0)
			throw new Error(
				`apt-get ${args.join(' ')} failed (exit ${r.code}): ${r.stderr.slice(-1500)}`,
			);
	}
	if (missingPackages({ has: fs.existsSync, pgBinDir: pgBinDir() }).length)
		throw new Error(`apt-get finished but ${need.join(', ')} still missing`);
	return { installed: need, ms: Date.now() - started };
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port. @param {number} port */
function tcpOpen(port) {
	return new Promise((resolve) => {
		const s = net.connect({ host: '127.0.0.1', port });
		s.once('connect', () => {
			s.destroy();
			resolve(true);
		});
		s.once('error', () => resolve(false));
	});
}

/** Redis without persistence, loopback only (the Bull queue's jobs live only as long as the run). */
function redisArgs(/** @type {number} */ port, /** @type {string} */ dir) {
	return [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
	];
}

/**
 * @param {{ port: number, dir: string, logFile: string }} opts
 * @returns {Promise<{ pid: number, port: number, ms: number }>}
 */
async function startRedis({ port, dir, logFile }) {
	const started = Date.now();
	fs.mkdirSync(dir, { recursive: true });
	const { pid } = spawnTracked('redis-server', '/usr/bin/redis-server', redisArgs(port, dir), {
		logFile,
	});
	await waitFor(() => tcpOpen(port), { timeoutMs: 20000, intervalMs: 100, what: 'redis' });
	return { pid, port, ms: Date.now() - started };
}

/**
 * The server flags: loopback only, socket in the data folder, no fsync (a throwaway cluster), enough
 * connections for four n8n processes per version.
 * @param {number} port @param {string} dataDir
 */
function postgresArgs(port, dataDir) {
	return [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-k',
		dataDir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	];
}

/** Runs a Postgres tool as `postgres` when we are root (initdb and postgres refuse root). @param {string} exe @param {string[]} args */
function asPostgres(exe, args) {
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	return root
		? { cmd: 'runuser', args: ['-u', 'postgres', '--', exe, ...args] }
		: { cmd: exe, args };
}

/**
 * initdb (trust auth on loopback) + the server in the foreground.
 * @param {{ port: number, dir: string, logFile: string }} opts
 * @returns {Promise<{ pid: number, port: number, ms: number, createDatabase: (name: string) => Promise<void> }>}
 */
async function startPostgres({ port, dir, logFile }) {
	const started = Date.now();
	const bin = pgBinDir();
	if (!bin) throw new Error('postgresql is not installed');
	const dataDir = path.join(dir, 'data');
	fs.mkdirSync(dir, { recursive: true });
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (root) {
		// `postgres` must be able to reach its folder: our temp parent is mkdtemp's 0700.
		fs.chmodSync(path.dirname(dir), 0o711);
		fs.chmodSync(dir, 0o755);
		const own = await run('chown', 'chown', ['-R', 'postgres:postgres', dir], { timeoutMs: 30000 });
		if (own.code !== 0) throw new Error(`chown postgres ${dir}: ${own.stderr}`);
	}
	const init = asPostgres(path.join(bin, 'initdb'), [
		'-D',
		dataDir,
		'-U',
		'postgres',
		'--auth=trust',
		'--encoding=UTF8',
		'--no-sync',
	]);
	const r = await run('initdb', init.cmd, init.args, { timeoutMs: 120000, logFile, cwd: '/' });
	if (r.code !== 0) throw new Error(`initdb failed (exit ${r.code}): ${r.stderr.slice(-1500)}`);
	const srv = asPostgres(path.join(bin, 'postgres'), postgresArgs(port, dataDir));
	const { pid } = spawnTracked('postgres', srv.cmd, srv.args, { logFile, cwd: '/' });
	const psql = path.join(bin, 'psql');
	const ready = async () => {
		const q = await run('psql', psql, psqlArgs(port, 'SELECT 1'), { timeoutMs: 10000 });
		return q.code === 0;
	};
	await waitFor(ready, { timeoutMs: 60000, intervalMs: 250, what: 'postgres' });
	return {
		pid,
		port,
		ms: Date.now() - started,
		createDatabase: async (name) => {
			const q = await run('createdb', psql, psqlArgs(port, `CREATE DATABASE "${name}"`), {
				timeoutMs: 30000,
			});
			if (q.code !== 0) throw new Error(`CREATE DATABASE ${name}: ${q.stderr}`);
		},
	};
}

/** @param {number} port @param {string} sql */
function psqlArgs(port, sql) {
	return ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qAtc', sql];
}

module.exports = {
	ensureServices,
	missingPackages,
	pgBinDir,
	startRedis,
	startPostgres,
	redisArgs,
	postgresArgs,
	asPostgres,
};
