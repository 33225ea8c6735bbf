/**
 * The coin catalogue as the money operations need it: one getCoin per coin per execution, shared
 * by all items, for the precision check of amounts before sending.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CCPaymentClient } from '../../shared/transport';
import { ENDPOINTS_V2 } from '../../shared/transport';

const cache = new WeakMap<CCPaymentClient, Map<number, Promise<IDataObject | undefined>>>();

/** The coin, or undefined when it cannot be read (CCPayment then checks the amount itself). */
export async function coinOf(
	client: CCPaymentClient,
	coinId: number,
	i: number,
): Promise<IDataObject | undefined> {
	let coins = cache.get(client);
	if (!coins) cache.set(client, (coins = new Map()));
	let coin = coins.get(coinId);
	if (!coin) {
		coin = client.read(ENDPOINTS_V2.coin, { coinId }, i).then(
			(data) => {
				const value = Array.isArray(data) ? undefined : data.coin;
				return value && typeof value === 'object' && !Array.isArray(value)
					? (value as IDataObject)
					: undefined;
			},
			() => undefined,
		);
		coins.set(coinId, coin);
	}
	return await coin;
}

/** The decimal places a coin allows on a chain (or on any of its chains), when known. */
export async function coinPrecision(
	client: CCPaymentClient,
	coinId: number,
	chain: string | undefined,
	i: number,
): Promise<{ precision?: number; symbol?: string }> {
	const coin = await coinOf(client, coinId, i);
	if (!coin) return {};
	const networks = (coin.networks ?? {}) as Record<string, IDataObject>;
	const candidates = chain ? [networks[chain]] : Object.values(networks);
	const precisions = candidates
		.map((network) => network?.precision)
		.filter((value): value is number => typeof value === 'number' && Number.isInteger(value));
	const symbol = typeof coin.symbol === 'string' ? coin.symbol : undefined;
	return precisions.length ? { precision: Math.max(...precisions), symbol } : { symbol };
}
