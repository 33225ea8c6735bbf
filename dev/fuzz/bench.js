// @ts-check
'use strict';
/**
 * The trigger's cost against n8n's Webhook node, in the same n8n at the same concurrency: valid
 * deliveries per second (what a sender sees) and n8n's CPU milliseconds per delivery (what n8n spends,
 * the start-node work plus the run it starts, measured from /proc so other load on the machine does not
 * move it much). Rounds are interleaved so background load hits every workflow alike. Printed, never
 * asserted.
 */
const { sleep } = require('../e2e/lib/http');
const { procCpuMs: cpuMs } = require('../perf/common');
const { storm } = require('./send');

/**
 * Waits until the process's CPU use drops to idle (the runs started by the deliveries have finished),
 * at most `maxMs`. @param {number | undefined} pid @param {number} [maxMs]
 */
async function quiet(pid, maxMs = 30000) {
	const until = Date.now() + maxMs;
	let last = cpuMs(pid);
	while (last !== undefined && Date.now() < until) {
		await sleep(500);
		const now = cpuMs(pid);
		if (now === undefined || now - last <= 60) return;
		last = now;
	}
}

/**
 * @typedef {{ headers: Record<string, string | string[]>, body: Buffer }} D
 * @typedef {{ key: string, url: string, make: () => D }} Target
 * @typedef {{ key: string, perSec: number, cpuMs?: number, good: number, sent: number }} Figure
 */

/**
 * One measured round: `count` deliveries to a target, then until n8n is idle again.
 * @param {Target} t @param {number} count @param {number} concurrency @param {number | undefined} pid
 */
async function round(t, count, concurrency, pid) {
	await quiet(pid);
	const cpuBefore = cpuMs(pid);
	let good = 0;
	const { ms } = await storm({
		url: t.url,
		count,
		concurrency,
		make: () => t.make(),
		onAnswer: (_d, a) => {
			if (a.status === 200) good++;
		},
	});
	await quiet(pid);
	const cpuAfter = cpuMs(pid);
	const cpu =
		cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / count;
	return { perSec: (count / ms) * 1000, cpu, good };
}

/**
 * @param {{ targets: Target[], count: number, rounds: number, concurrency: number, pid: number | undefined }} o
 * @returns {Promise<Figure[]>} per target: mean deliveries/s and CPU ms per delivery over the rounds
 */
async function measure(o) {
	/** @typedef {{ perSec: number[], cpu: number[], good: number, sent: number }} Acc */
	/** @type {Map<string, Acc>} */
	const acc = new Map(
		o.targets.map((t) => [t.key, /** @type {Acc} */ ({ perSec: [], cpu: [], good: 0, sent: 0 })]),
	);
	// Warm-up: JIT, caches and the first-run costs are not the steady state being compared.
	for (const t of o.targets) await round(t, Math.min(50, o.count), o.concurrency, o.pid);
	for (let r = 0; r < o.rounds; r++) {
		for (const t of o.targets) {
			const got = await round(t, o.count, o.concurrency, o.pid);
			const a = /** @type {NonNullable<ReturnType<typeof acc.get>>} */ (acc.get(t.key));
			a.perSec.push(got.perSec);
			if (got.cpu !== undefined) a.cpu.push(got.cpu);
			a.good += got.good;
			a.sent += o.count;
		}
	}
	const mean = (/** @type {number[]} */ xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
	return o.targets.map((t) => {
		const a = /** @type {NonNullable<ReturnType<typeof acc.get>>} */ (acc.get(t.key));
		return {
			key: t.key,
			perSec: mean(a.perSec),
			cpuMs: a.cpu.length ? mean(a.cpu) : undefined,
			good: a.good,
			sent: a.sent,
		};
	});
}

/**
 * The printed table: each figure against the plain Webhook node.
 * @param {Figure[]} figures @param {string} baseline key of the baseline figure
 * @returns {string[]}
 */
function format(figures, baseline) {
	const base = figures.find((f) => f.key === baseline);
	return figures.map((f) => {
		const vsRate = base ? ` (${((f.perSec / base.perSec) * 100).toFixed(0)}% of ${baseline})` : '';
		const cpu =
			f.cpuMs === undefined
				? ''
				: `, n8n CPU ${f.cpuMs.toFixed(1)} ms/delivery${base?.cpuMs ? ` (${(f.cpuMs / base.cpuMs).toFixed(2)}x)` : ''}`;
		return `${f.key.padEnd(12)} ${f.perSec.toFixed(1).padStart(6)}/s${vsRate}${cpu}`;
	});
}

module.exports = { measure, format };
