import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems } from 'n8n-workflow';

import { ccpaymentApiRequest, ENDPOINTS } from '../../shared/transport';

/** Fetched fresh on every call (nothing is cached across executions). */
export async function fetchCoins(this: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const data = await ccpaymentApiRequest.call(this, ENDPOINTS.coinAll, {});
	const list = Array.isArray(data) ? data : data.list;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

const text = (value: unknown): string =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const STATUS_NOTE: Record<string, string> = { '2': ' (maintenance)', '3': ' (delisting)' };

/** "USDT · TRC20 (TRX)", one entry per token of every coin. */
export function tokenItems(coins: IDataObject[]): INodeListSearchItems[] {
	const items: INodeListSearchItems[] = [];
	for (const coin of coins) {
		const tokens = Array.isArray(coin.tokens) ? (coin.tokens as IDataObject[]) : [];
		for (const token of tokens) {
			const id = text(token.token_id);
			if (!id) continue;
			const symbol = text(token.crypto) || text(coin.symbol);
			items.push({
				name: `${symbol} · ${text(token.network)} (${text(token.chain)})${STATUS_NOTE[text(token.status)] ?? ''}`,
				value: id,
				description: `${text(coin.name)} on ${text(token.name) || text(token.chain)}`,
			});
		}
	}
	return items;
}

/** "USDT · Tether USD", one entry per coin. */
export function coinItems(coins: IDataObject[]): INodeListSearchItems[] {
	return coins
		.filter((coin) => text(coin.coin_id))
		.map((coin) => ({
			name: `${text(coin.symbol) || text(coin.crypto)} · ${text(coin.name)}${STATUS_NOTE[text(coin.status)] ?? ''}`,
			value: text(coin.coin_id),
		}));
}

/** Distinct chain codes of all tokens: "TRX · Tron". */
export function chainItems(coins: IDataObject[]): Array<{ name: string; value: string }> {
	const chains = new Map<string, string>();
	for (const coin of coins) {
		for (const token of Array.isArray(coin.tokens) ? (coin.tokens as IDataObject[]) : []) {
			const chain = text(token.chain);
			if (chain && !chains.has(chain)) chains.set(chain, text(token.name));
		}
	}
	return [...chains.entries()]
		.map(([chain, name]) => ({ name: name ? `${chain} · ${name}` : chain, value: chain }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Case-insensitive search over label, description and ID, sorted by label. */
export function filterItems(
	items: INodeListSearchItems[],
	filter?: string,
): INodeListSearchItems[] {
	const term = (filter ?? '').trim().toLowerCase();
	const matching = term
		? items.filter((item) =>
				[item.name, String(item.value), item.description ?? ''].some((field) =>
					field.toLowerCase().includes(term),
				),
			)
		: items;
	return [...matching].sort((a, b) => a.name.localeCompare(b.name));
}
