// @ts-check
'use strict';
/**
 * Hostile webhook deliveries, by kind. Pure and seeded: the same seed gives the same storm.
 * Every JSON body carries `fuzz_kind` and a fresh `record_id`, so a workflow run can be traced back to
 * the kind that started it, and an accepted delivery could never be swallowed by the trigger's dedup.
 *
 * Expectations:
 *   refuse  - unsigned or mis-signed: the node answers 401 (n8n itself may refuse first: 422 for a
 *             body its parser rejects, 400 on 2.x for a multipart body it cannot read, its own answer
 *             for a body over N8N_PAYLOAD_SIZE_MAX); no run
 *   signed  - correctly signed odd bodies: any answer below 500, no failed execution
 */
const crypto = require('crypto');
const { signedHeaders } = require('./profiles');

/** @typedef {import('./profiles').Profile} Profile */
/** @typedef {{ appId: string, appSecret: string }} Merchant */
/** @typedef {'refuse' | 'signed'} Expect */
/**
 * @typedef {{ kind: string, expect: Expect, headers: Record<string, string | string[]>, body: Buffer, bytes: number }} Delivery
 * @typedef {{ profile: Profile, merchant: Merchant, other: Merchant, nowSec: () => number, rng: () => number, seq: () => number }} Ctx
 * @typedef {{ name: string, expect: Expect, make: (ctx: Ctx) => Omit<Delivery, 'kind' | 'expect' | 'bytes'> }} Kind
 */

/** Deterministic PRNG (mulberry32). @param {number} seed @returns {() => number} in [0, 1) */
function rngFrom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @param {() => number} rng @param {number} n @returns {number} integer in [0, n) */
const pick = (rng, n) => Math.floor(rng() * n);
/** @template T @param {() => number} rng @param {T[]} list @returns {T} */
const oneOf = (rng, list) => list[pick(rng, list.length)];
/** @param {() => number} rng @param {number} n */
const randomBytes = (rng, n) => Buffer.from(Array.from({ length: n }, () => pick(rng, 256)));

const JSON_CT = { 'content-type': 'application/json' };

/** The profile's API Deposit notification, tagged with its kind. @param {Ctx} ctx @param {string} kind */
const depositObject = (ctx, kind) => ctx.profile.deposit(ctx.seq(), kind);

/** @param {Ctx} ctx @param {string} kind */
const depositBody = (ctx, kind) => Buffer.from(JSON.stringify(depositObject(ctx, kind)));

/** Correctly signed headers for a body. @param {Ctx} ctx @param {Buffer} body @param {string} [ts] */
const signed = (ctx, body, ts = String(ctx.nowSec())) =>
	signedHeaders(ctx.profile, ctx.merchant, body, ts);

/** A signed delivery whose body bytes are then changed: the signature no longer matches. */
/** @param {string} name @param {(body: Buffer, ctx: Ctx) => Buffer} change @returns {Kind} */
const afterSigning = (name, change) => ({
	name,
	expect: 'refuse',
	make: (ctx) => {
		const body = depositBody(ctx, name);
		return { headers: { ...JSON_CT, ...signed(ctx, body) }, body: change(body, ctx) };
	},
});

/** A delivery whose headers are changed or signed wrongly. */
/** @param {string} name @param {(ctx: Ctx, body: Buffer) => Record<string, string | string[]>} headersFor @returns {Kind} */
const withHeaders = (name, headersFor) => ({
	name,
	expect: 'refuse',
	make: (ctx) => {
		const body = depositBody(ctx, name);
		return { headers: { ...JSON_CT, ...headersFor(ctx, body) }, body };
	},
});

/** A body signed correctly and sent as is. @param {string} name @param {(ctx: Ctx) => Buffer} bodyFor @returns {Kind} */
const signedOdd = (name, bodyFor) => ({
	name,
	expect: 'signed',
	make: (ctx) => {
		const body = bodyFor(ctx);
		return { headers: { ...JSON_CT, ...signed(ctx, body) }, body };
	},
});

/** A body sent with a signature over other bytes. @param {string} name @param {(ctx: Ctx) => Buffer} bodyFor @returns {Kind} */
const unsignedBody = (name, bodyFor) => ({
	name,
	expect: 'refuse',
	make: (ctx) => {
		const body = bodyFor(ctx);
		return { headers: { ...JSON_CT, ...signed(ctx, Buffer.from('other bytes')) }, body };
	},
});

const CONTENT_TYPES = [
	'application/json',
	'application/json; charset=utf-8',
	'application/json; charset=utf-16',
	'text/plain',
	'text/html',
	'application/xml',
	'text/xml',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=fuzz',
	'application/octet-stream',
	'application/vnd.api+json',
	'image/png',
	'a/b/c',
	'',
];

/** @param {number} depth */
const nested = (depth) => Buffer.from(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

/** Kinds shared by every API version (the signature scheme comes from ctx.profile). @type {Kind[]} */
const KINDS = [
	afterSigning('tampered-byte', (body, ctx) => {
		const copy = Buffer.from(body);
		const at = pick(ctx.rng, copy.length);
		copy[at] = copy[at] ^ (1 + pick(ctx.rng, 255));
		return copy;
	}),
	afterSigning('tampered-field', (body, ctx) => Buffer.from(ctx.profile.tamper(body.toString()))),
	afterSigning('truncated', (body, ctx) => body.subarray(0, pick(ctx.rng, body.length))),
	afterSigning('whitespace-padded', (body, ctx) =>
		Buffer.concat([
			Buffer.from(oneOf(ctx.rng, [' ', '\n', '\t', '\r\n', ''])),
			body,
			Buffer.from(oneOf(ctx.rng, [' ', '\n', '  \n'])),
		]),
	),
	afterSigning('reformatted-json', (body) =>
		Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2)),
	),
	withHeaders('wrong-secret', (ctx, body) =>
		signedHeaders(
			ctx.profile,
			{ appId: ctx.merchant.appId, appSecret: crypto.randomBytes(16).toString('hex') },
			body,
			String(ctx.nowSec()),
		),
	),
	withHeaders('other-merchant', (ctx, body) =>
		signedHeaders(ctx.profile, ctx.other, body, String(ctx.nowSec())),
	),
	withHeaders('wrong-appid-header', (ctx, body) => ({
		...signed(ctx, body),
		Appid: ctx.other.appId,
	})),
	withHeaders('missing-appid', (ctx, body) => {
		const { Appid: _drop, ...rest } = signed(ctx, body);
		return rest;
	}),
	withHeaders('stale-timestamp', (ctx, body) =>
		signed(ctx, body, String(ctx.nowSec() - 600 - pick(ctx.rng, 86400))),
	),
	withHeaders('future-timestamp', (ctx, body) =>
		signed(ctx, body, String(ctx.nowSec() + 600 + pick(ctx.rng, 86400))),
	),
	withHeaders('malformed-timestamp', (ctx, body) =>
		signed(
			ctx,
			body,
			oneOf(ctx.rng, [
				'abc',
				'1e9',
				'-1',
				`${ctx.nowSec()}.5`,
				`0x${ctx.nowSec().toString(16)}`,
				`${ctx.nowSec()}000`,
				'99999999999999999999',
				`+${ctx.nowSec()}`,
			]),
		),
	),
	withHeaders('missing-timestamp', (ctx, body) => {
		const { Timestamp: _drop, ...rest } = signed(ctx, body);
		return rest;
	}),
	withHeaders('malformed-signature', (ctx, body) => ({
		...signed(ctx, body),
		Sign: oneOf(ctx.rng, ['', 'z'.repeat(64), 'null', '0x' + '0'.repeat(62), '%00'.repeat(21)]),
	})),
	withHeaders('wrong-length-signature', (ctx, body) => {
		const good = signed(ctx, body);
		return {
			...good,
			Sign: oneOf(ctx.rng, [
				good.Sign.slice(0, 63),
				`${good.Sign}0`,
				good.Sign.repeat(2),
				good.Sign.slice(0, 32),
			]),
		};
	}),
	withHeaders('missing-signature', (ctx, body) => {
		const { Sign: _drop, ...rest } = signed(ctx, body);
		return rest;
	}),
	withHeaders('duplicate-headers', (ctx, body) => {
		const good = signed(ctx, body);
		const wrong = signedHeaders(ctx.profile, ctx.other, body, good.Timestamp);
		return oneOf(ctx.rng, [
			{ ...good, Sign: [good.Sign, wrong.Sign] },
			{ ...good, Sign: [wrong.Sign, good.Sign] },
			{ ...good, Timestamp: [good.Timestamp, good.Timestamp] },
			{ ...good, Appid: [good.Appid, ctx.other.appId] },
		]);
	}),
	{
		name: 'content-type',
		expect: 'refuse',
		make: (ctx) => {
			const body = depositBody(ctx, 'content-type');
			const ct = oneOf(ctx.rng, CONTENT_TYPES);
			/** @type {Record<string, string>} */
			const headers = { ...signed(ctx, Buffer.from('other bytes')) };
			if (ct) headers['content-type'] = ct;
			return { headers, body };
		},
	},
	{
		name: 'random-bytes',
		expect: 'refuse',
		make: (ctx) => {
			const body = randomBytes(ctx.rng, 1 + pick(ctx.rng, 4096));
			return {
				headers: {
					'content-type': oneOf(ctx.rng, CONTENT_TYPES) || 'application/octet-stream',
					Appid: ctx.merchant.appId,
					Timestamp: String(ctx.nowSec()),
					Sign: randomBytes(ctx.rng, 32).toString('hex'),
				},
				body,
			};
		},
	},
	unsignedBody('deep-nesting', (ctx) => nested(1000 + pick(ctx.rng, 200000))),
	unsignedBody('non-object-json', (ctx) =>
		Buffer.from(oneOf(ctx.rng, ['[]', '"success"', '123', 'null', 'true', '[{"record_id":1}]'])),
	),
	unsignedBody('prototype-pollution', (ctx) =>
		Buffer.from(
			`{"__proto__":{"polluted":"yes","pay_status":"success"},"constructor":{"prototype":{"polluted":"yes"}},"record_id":"fuzz-prototype-pollution-${ctx.seq()}","fuzz_kind":"prototype-pollution"}`,
		),
	),
	signedOdd('signed-unknown-type', (ctx) => {
		const o = depositObject(ctx, 'signed-unknown-type');
		return Buffer.from(JSON.stringify({ ...o, [o.type ? 'type' : 'order_type']: 'Mystery Event' }));
	}),
	signedOdd('signed-missing-fields', (ctx) =>
		Buffer.from(
			JSON.stringify(
				oneOf(ctx.rng, [
					{ fuzz_kind: 'signed-missing-fields' },
					{ fuzz_kind: 'signed-missing-fields', record_id: `fuzz-missing-${ctx.seq()}` },
					{ fuzz_kind: 'signed-missing-fields', order_type: 'API Deposit' },
					{ fuzz_kind: 'signed-missing-fields', type: 'ApiDeposit' },
					{ fuzz_kind: 'signed-missing-fields', type: 'DirectDeposit', msg: {} },
				]),
			),
		),
	),
	signedOdd('signed-wrong-types', (ctx) => {
		const o = depositObject(ctx, 'signed-wrong-types');
		return Buffer.from(
			JSON.stringify({
				...o,
				pay_status: oneOf(ctx.rng, [['success'], 1, null, { s: 'success' }]),
				paid_amount: oneOf(ctx.rng, [25, { v: '25' }, [], true]),
				order_type: oneOf(ctx.rng, [7, ['API Deposit'], 'API Deposit']),
				extend: oneOf(ctx.rng, ['x', 5, null, []]),
				type: oneOf(ctx.rng, [7, ['ApiDeposit'], null, 'ApiDeposit']),
				msg: oneOf(ctx.rng, [
					'x',
					[],
					null,
					{ .../** @type {any} */ (o.msg ?? {}), recordId: 5, status: ['Success'] },
				]),
			}),
		);
	}),
	signedOdd('signed-non-object', (ctx) =>
		Buffer.from(oneOf(ctx.rng, ['[]', '"success"', '123', 'null', 'true'])),
	),
	signedOdd('signed-prototype-keys', (ctx) =>
		Buffer.from(
			`{"__proto__":{"pay_status":"success","polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"order_type":"API Deposit","pay_status":"success","record_id":"fuzz-signed-proto-${ctx.seq()}","type":"ApiDeposit","msg":{"__proto__":{"status":"Success"},"recordId":"fuzz-signed-proto-${ctx.seq()}"},"fuzz_kind":"signed-prototype-keys"}`,
		),
	),
];

/** Body sizes of the oversize kind, in MiB: both sides of n8n's 16 MiB default limit. */
const OVERSIZE_MIB = [1, 2, 5, 10, 15, 17, 20];

/** A cache of the big bodies (one per size, reused: only the bytes count). */
/** @type {Map<number, Buffer>} */
const bigBodies = new Map();

/** @param {number} mib @returns {Buffer} a JSON body of exactly mib MiB */
function bigBody(mib) {
	let body = bigBodies.get(mib);
	if (!body) {
		const size = mib * 1024 * 1024;
		const head = Buffer.from('{"fuzz_kind":"oversize","pad":"');
		const tail = Buffer.from('"}');
		body = Buffer.alloc(size, 'a');
		head.copy(body, 0);
		tail.copy(body, size - tail.length);
		bigBodies.set(mib, body);
	}
	return body;
}

/** @type {Kind} */
const OVERSIZE = {
	name: 'oversize',
	expect: 'refuse',
	make: (ctx) => {
		const body = bigBody(OVERSIZE_MIB[ctx.seq() % OVERSIZE_MIB.length]);
		return { headers: { ...JSON_CT, ...signed(ctx, Buffer.from('not this body')) }, body };
	},
};

/**
 * The storm's schedule: `count` kind names, oversize a fixed few (they cost megabytes each), the rest
 * spread evenly over the other kinds, shuffled with the seed.
 * @param {number} count
 * @param {() => number} rng
 * @param {Kind[]} [kinds]
 * @returns {string[]}
 */
function schedule(count, rng, kinds = KINDS) {
	const oversize = Math.min(count, Math.max(OVERSIZE_MIB.length, Math.round(count * 0.002)));
	/** @type {string[]} */
	const names = Array.from({ length: oversize }, () => OVERSIZE.name);
	for (let i = 0; names.length < count; i++) names.push(kinds[i % kinds.length].name);
	for (let i = names.length - 1; i > 0; i--) {
		const j = pick(rng, i + 1);
		[names[i], names[j]] = [names[j], names[i]];
	}
	return names;
}

/**
 * A generator of deliveries for one profile and merchant.
 * @param {{ profile: Profile, merchant: Merchant, other: Merchant, seed?: number, kinds?: Kind[] }} opts
 */
function generator({ profile, merchant, other, seed = 1, kinds = KINDS }) {
	const rng = rngFrom(seed);
	let n = 0;
	/** @type {Ctx} */
	const ctx = {
		profile,
		merchant,
		other,
		rng,
		nowSec: () => Math.floor(Date.now() / 1000),
		seq: () => ++n,
	};
	const byName = new Map([...kinds, OVERSIZE].map((k) => [k.name, k]));
	return {
		rng,
		/** @param {string} name @returns {Delivery} */
		make(name) {
			const kind = byName.get(name);
			if (!kind) throw new Error(`unknown fuzz kind ${name}`);
			const d = kind.make(ctx);
			return { kind: name, expect: kind.expect, ...d, bytes: d.body.length };
		},
		/** Where the profile's notification carries its record ID. @param {any} json */
		recordId: (json) => profile.recordId(json),
		/** A valid delivery (correct signature, fresh record ID) of the given kind tag. @param {string} tag */
		valid(tag) {
			const body = depositBody(ctx, tag);
			const d = { headers: { ...JSON_CT, ...signed(ctx, body) }, body };
			return { kind: tag, expect: /** @type {Expect} */ ('signed'), ...d, bytes: body.length };
		},
	};
}

module.exports = { KINDS, OVERSIZE, OVERSIZE_MIB, schedule, generator, rngFrom, nested };
