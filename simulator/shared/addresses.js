// @ts-check
'use strict';

/**
 * Chain addresses and transaction IDs that look real (derived from a seed, so runs repeat), and the
 * rough format checks the withdraw endpoint applies. No checksums: the simulator never touches a
 * chain.
 */

const { createHash } = require('crypto');

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** @param {string} text */
function sha256Hex(text) {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** @param {string} hex @returns {string} */
function base58(hex) {
	let n = BigInt(`0x${hex}`);
	let out = '';
	while (n > 0n) {
		out = BASE58[Number(n % 58n)] + out;
		n /= 58n;
	}
	return out || '1';
}

/** @param {string} hex @param {number} length */
function bech32ish(hex, length) {
	let out = '';
	let n = BigInt(`0x${hex}`);
	for (let i = 0; i < length; i++) {
		out += BECH32[Number(n % 32n)];
		n /= 32n;
		if (n === 0n) n = BigInt(`0x${sha256Hex(hex + i)}`);
	}
	return out;
}

/** A realistic-looking address for a chain, derived deterministically from a seed string. */
function makeAddress(kind, seed) {
	const h = sha256Hex(seed);
	const h2 = sha256Hex(`${seed}#2`);
	switch (kind) {
		case 'evm':
			return `0x${h.slice(0, 40)}`;
		case 'tron':
			return `T${base58(h + h2).slice(0, 33)}`;
		case 'btc':
			return `bc1q${bech32ish(h, 38)}`;
		case 'bch':
			return `bitcoincash:q${bech32ish(h, 41)}`;
		case 'sol':
			return base58(h).padEnd(43, '1').slice(0, 44);
		case 'xrp':
			return `r${base58(h + h2).slice(0, 33)}`;
		case 'lightning':
			return `lnbc${bech32ish(h + h2, 120)}`;
		default:
			return `0x${h.slice(0, 40)}`;
	}
}

const ADDRESS_FORMATS = {
	evm: /^0x[0-9a-fA-F]{40}$/,
	tron: /^T[1-9A-HJ-NP-Za-km-z]{33}$/,
	btc: /^(bc1[02-9ac-hj-np-z]{6,87}|[13][1-9A-HJ-NP-Za-km-z]{25,34})$/,
	bch: /^(bitcoincash:)?[qp][02-9ac-hj-np-z]{41}$/,
	sol: /^[1-9A-HJ-NP-Za-km-z]{32,44}$/,
	xrp: /^r[1-9A-HJ-NP-Za-km-z]{24,34}$/,
	lightning: /^ln(bc|tb|bcrt)[0-9a-z]{20,}$/i,
};

/** Roughly valid for the chain's address format (no checksum checks). */
function isValidAddress(kind, address) {
	const re = ADDRESS_FORMATS[kind];
	return !!re && re.test(address);
}

const CWALLET_ID = /^\d{4,12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Cwallet ID or email: an internal (off-chain, fee 0) destination. */
function isCwalletDestination(address) {
	return CWALLET_ID.test(address) || EMAIL.test(address);
}

function txidFor(kind, seed) {
	const h = sha256Hex(`tx:${seed}`);
	return kind === 'evm' ? `0x${h}` : h;
}

module.exports = { makeAddress, isValidAddress, isCwalletDestination, txidFor, sha256Hex };
