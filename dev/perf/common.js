// @ts-check
'use strict';
/**
 * Small helpers shared by scripts/bench.js, scripts/campaign.js and their tests: numeric flags,
 * percentiles, a plain-text table, peak-RSS readers for /proc, and a probe that times every API
 * request on the simulator's own HTTP server (server-observed latency) via node:diagnostics_channel,
 * so nothing in simulator/ needs to change.
 */
const fs = require('node:fs');
const path = require('node:path');
const dc = require('node:diagnostics_channel');
const { performance } = require('node:perf_hooks');

const { distPath } = require('../dist');

const ROOT = path.resolve(__dirname, '..', '..');
/** The in-process benchmark worker, spawned by path so each workload gets a fresh process. */
const HARNESS_WORKER = path.join(__dirname, 'harness-worker.js');

/**
 * A numeric flag (a string from util.parseArgs) with bounds; throws a readable error.
 * @param {Record<string, string | boolean | undefined>} args
 * @param {string} name
 * @param {number} fallback
 * @param {{ min?: number, max?: number, integer?: boolean }} [limits]
 */
function numberArg(args, name, fallback, limits = {}) {
	const raw = args[name];
	if (raw === undefined) return fallback;
	const value = Number(raw);
	const { min = -Infinity, max = Infinity, integer = false } = limits;
	if (
		raw === true ||
		!Number.isFinite(value) ||
		value < min ||
		value > max ||
		(integer && !Number.isInteger(value))
	) {
		throw new Error(
			`--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} (got ${JSON.stringify(raw)})`,
		);
	}
	return value;
}

/**
 * Nearest-rank percentile of an unsorted list (undefined when empty).
 * @param {number[]} values
 * @param {number} p 0..100
 */
function percentile(values, p) {
	if (!values.length) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
	return sorted[rank - 1];
}

/** @param {number | undefined} ms */
const fmtMs = (ms) => (ms === undefined ? '-' : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
/** @param {number | undefined} v @param {number} [digits] */
const fmtNum = (v, digits = 1) =>
	v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits);
/** @param {number | undefined} kb */
const fmtMb = (kb) => (kb === undefined ? '-' : `${(kb / 1024).toFixed(0)} MB`);

/**
 * A left-aligned text table.
 * @param {string[]} header
 * @param {Array<Array<string | number>>} rows
 */
function table(header, rows) {
	const cells = [header, ...rows.map((r) => r.map((c) => String(c)))];
	const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
	const line = (/** @type {string[]} */ r) =>
		r
			.map((c, i) => (c ?? '').padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	return [
		line(cells[0]),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...cells.slice(1).map(line),
	].join('\n');
}

/**
 * `VmHWM` (peak resident set) and `VmRSS` of a process in kB, from /proc/<pid>/status; undefined
 * when the process is gone or /proc is unavailable.
 * @param {number | 'self'} pid
 */
function procMemory(pid) {
	try {
		const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(text);
		const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(text);
		return { hwmKb: hwm ? Number(hwm[1]) : undefined, rssKb: rss ? Number(rss[1]) : undefined };
	} catch {
		return undefined;
	}
}

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat.
 * @param {number | 'self'} pid
 */
function procCpuMs(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks (100/s on Linux).
		return (Number(rest[11]) + Number(rest[12])) * 10;
	} catch {
		return undefined;
	}
}

/**
 * PIDs of a process group (n8n is spawned detached, so its group = its PID; n8n 2.x's task runner
 * is a member).
 * @param {number} pgid
 * @returns {number[]}
 */
function groupPids(pgid) {
	/** @type {number[]} */
	const pids = [];
	let entries;
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return pids;
	}
	for (const name of entries) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
			// Fields after the command (which may contain spaces) start after the last ')'.
			const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(rest[2]) === pgid) pids.push(Number(name));
		} catch {
			// the process ended meanwhile
		}
	}
	return pids;
}

/**
 * Samples the memory of a process (and, summed, of its process group) until stopped. VmHWM is a
 * high-water mark kept by the kernel, so the last sample before the exit is the peak of that process;
 * the group figure is the highest sum of VmRSS seen at one sample. Also its CPU time so far (user +
 * system), as of the last sample.
 * @param {number} pid
 * @param {number} [intervalMs]
 */
function sampleRss(pid, intervalMs = 100) {
	const seen = { hwmKb: 0, groupPeakKb: 0, samples: 0, groupSize: 1, cpuMs: 0 };
	/** @type {Array<{ t: number, cpuMs: number }>} */
	const timeline = [];
	const tick = () => {
		const own = procMemory(pid);
		if (!own) return;
		seen.samples++;
		const cpu = procCpuMs(pid);
		if (cpu !== undefined) {
			seen.cpuMs = Math.max(seen.cpuMs, cpu);
			timeline.push({ t: performance.now(), cpuMs: cpu });
		}
		if (own.hwmKb !== undefined) seen.hwmKb = Math.max(seen.hwmKb, own.hwmKb);
		const members = groupPids(pid);
		let sum = 0;
		for (const member of members) sum += procMemory(member)?.rssKb ?? 0;
		seen.groupSize = Math.max(seen.groupSize, members.length);
		seen.groupPeakKb = Math.max(seen.groupPeakKb, sum);
	};
	tick();
	const timer = setInterval(tick, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			return {
				...seen,
				/**
				 * CPU time used between two performance.now() times (widened to the samples around them).
				 * @param {number | undefined} from @param {number | undefined} to
				 */
				cpuBetween(from, to) {
					if (from === undefined || to === undefined || !timeline.length) return undefined;
					const before = [...timeline].reverse().find((x) => x.t <= from) ?? timeline[0];
					const after = timeline.find((x) => x.t >= to) ?? timeline[timeline.length - 1];
					return after.cpuMs - before.cpuMs;
				},
			};
		},
	};
}

/**
 * Times every `/ccpayment/v1/*` request on one simulator's HTTP server: when the server got the
 * request and when it finished the response (so the simulator's added latency is included). Requests
 * whose socket the simulator destroyed (fault injection) never finish and are counted separately.
 * @param {{ server: import('node:http').Server }} sim
 */
function serverProbe(sim) {
	/** @type {Array<{ start: number, end?: number, path: string }>} */
	let records = [];
	/** @type {WeakMap<object, { start: number, end?: number, path: string }>} */
	let open = new WeakMap();
	/** @param {any} message */
	const onStart = (message) => {
		if (message.server !== sim.server) return;
		const url = String(message.request.url || '');
		if (!url.startsWith('/ccpayment/')) return;
		const record = {
			start: performance.now(),
			path: url.replace(/^\/ccpayment\/v1\//, '').split('?')[0],
		};
		records.push(record);
		open.set(message.response, record);
	};
	/** @param {any} message */
	const onFinish = (message) => {
		if (message.server !== sim.server) return;
		const record = open.get(message.response);
		if (record) record.end = performance.now();
	};
	dc.subscribe('http.server.request.start', onStart);
	dc.subscribe('http.server.response.finish', onFinish);
	return {
		/** Forget everything recorded so far (call between runs). */
		reset() {
			records = [];
			open = new WeakMap();
		},
		/** Receipt times of every request so far, in arrival order. */
		starts() {
			return records.map((r) => r.start);
		},
		/** @param {string} [pathFilter] endpoint, e.g. 'token/rate' */
		summary(pathFilter) {
			const list = records.filter((r) => !pathFilter || r.path === pathFilter);
			const done = list.filter((r) => r.end !== undefined);
			const latencies = done.map((r) => /** @type {number} */ (r.end) - r.start);
			const first = list.length ? Math.min(...list.map((r) => r.start)) : undefined;
			const last = done.length
				? Math.max(...done.map((r) => /** @type {number} */ (r.end)))
				: undefined;
			const windowMs = first !== undefined && last !== undefined ? last - first : undefined;
			return {
				requests: list.length,
				answered: done.length,
				first,
				last,
				windowMs,
				perSecond: windowMs ? (done.length / windowMs) * 1000 : undefined,
				p50: percentile(latencies, 50),
				p99: percentile(latencies, 99),
			};
		},
		stop() {
			dc.unsubscribe('http.server.request.start', onStart);
			dc.unsubscribe('http.server.response.finish', onFinish);
		},
	};
}

/**
 * The largest number of times within any window of `windowMs` (times in ms, any order).
 * @param {number[]} times
 * @param {number} windowMs
 */
function maxInWindow(times, windowMs) {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	let from = 0;
	for (let to = 0; to < sorted.length; to++) {
		while (sorted[to] - sorted[from] >= windowMs) from++;
		best = Math.max(best, to - from + 1);
	}
	return best;
}

/**
 * Diagnoses limit errors: wraps the simulator's rate limiter (this instance only, no source change)
 * to record when each request was checked and whether it was accepted, and watches this process's
 * event loop (the simulator's) for stalls. With a constant added latency the simulator checks
 * requests in arrival order, so check i belongs to the i-th request received.
 * @param {{ limiter: { allow: (key: string, limit: number, windowMs: number, now?: number) => boolean }, server: import('node:http').Server }} sim
 * @param {ReturnType<typeof serverProbe>} probe
 */
function limiterTrace(sim, probe) {
	const { monitorEventLoopDelay } = require('node:perf_hooks');
	/** @type {Array<{ t: number, ok: boolean }>} */
	let checks = [];
	const original = sim.limiter.allow.bind(sim.limiter);
	sim.limiter.allow = (key, limit, windowMs, now) => {
		const ok = original(key, limit, windowMs, now);
		checks.push({ t: performance.now(), ok });
		return ok;
	};
	let loop = monitorEventLoopDelay({ resolution: 5 });
	loop.enable();
	return {
		reset() {
			checks = [];
			loop.disable();
			loop = monitorEventLoopDelay({ resolution: 5 });
			loop.enable();
		},
		/**
		 * @param {number} latencyMs the simulator's added latency
		 * @param {number} windowMs the simulator's rate window
		 */
		analyse(latencyMs, windowMs = 1000) {
			const receipts = probe.starts();
			const accepted = checks.filter((c) => c.ok).map((c) => c.t);
			/** @type {Array<{ index: number, acceptedBefore: number, receivedBefore: number, lateMs?: number }>} */
			const rejections = [];
			checks.forEach((c, i) => {
				if (c.ok) return;
				const received = receipts[i];
				rejections.push({
					index: i,
					acceptedBefore: accepted.filter((t) => t > c.t - windowMs && t <= c.t).length,
					receivedBefore:
						received === undefined
							? -1
							: receipts.filter((t) => t > received - windowMs && t <= received).length,
					lateMs: received === undefined ? undefined : c.t - received - latencyMs,
				});
			});
			const lateness = checks.map((c, i) =>
				receipts[i] === undefined ? 0 : c.t - receipts[i] - latencyMs,
			);
			return {
				maxReceivedPerWindow: maxInWindow(receipts, windowMs),
				maxAcceptedPerWindow: maxInWindow(accepted, windowMs),
				maxCheckLateMs: lateness.length ? Math.max(...lateness) : 0,
				maxLoopDelayMs: loop.max / 1e6,
				rejections,
			};
		},
		stop() {
			loop.disable();
			sim.limiter.allow = original;
		},
	};
}

/**
 * Requests the simulator's own rate limiter rejected (not injected rate-limit faults).
 * @param {{ requests: Array<{ rateLimited?: boolean, path: string }> }} sim
 * @param {string} [endpoint]
 */
function limitErrors(sim, endpoint) {
	const full = endpoint ? `/ccpayment/v1/${endpoint}` : '';
	return sim.requests.filter((r) => r.rateLimited && (!full || r.path === full)).length;
}

function distReady() {
	return fs.existsSync(distPath('actionNode')) && fs.existsSync(distPath('credential'));
}

module.exports = {
	ROOT,
	HARNESS_WORKER,
	numberArg,
	percentile,
	fmtMs,
	fmtNum,
	fmtMb,
	table,
	procMemory,
	procCpuMs,
	groupPids,
	sampleRss,
	serverProbe,
	maxInWindow,
	limiterTrace,
	limitErrors,
	distReady,
};
