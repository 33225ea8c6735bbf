import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems } from 'n8n-workflow';

import { ccpaymentApiRequest, ENDPOINTS_V2, PROTOCOL_V2 } from '../../shared/transport';

/** The coins of getCoinList, fetched fresh on every call (nothing is cached across executions). */
export async function fetchCoinsV2(this: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const data = await ccpaymentApiRequest.call(
		this,
		ENDPOINTS_V2.coinList,
		{},
		{ protocol: PROTOCOL_V2 },
	);
	const coins = Array.isArray(data) ? data : data.coins;
	return Array.isArray(coins) ? (coins as IDataObject[]) : [];
}

const text = (value: unknown): string =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : '';

function networksOf(coin: IDataObject): Record<string, IDataObject> {
	return coin.networks && typeof coin.networks === 'object' && !Array.isArray(coin.networks)
		? (coin.networks as Record<string, IDataObject>)
		: {};
}

/** "USDT · Tether USD", one entry per coin; the value is the coin ID. */
export function coinItemsV2(coins: IDataObject[]): INodeListSearchItems[] {
	const items: INodeListSearchItems[] = [];
	for (const coin of coins) {
		const id = text(coin.coinId);
		if (!id) continue;
		const status = text(coin.status);
		const note = status && status !== 'Normal' ? ` (${status})` : '';
		const full = text(coin.coinFullName);
		items.push({ name: `${text(coin.symbol)}${full ? ` · ${full}` : ''}${note}`, value: id });
	}
	return items.sort((a, b) => a.name.localeCompare(b.name));
}

/** The chains of one coin (or of all coins), one entry per chain symbol. */
export function chainItemsV2(coins: IDataObject[], coinId?: string): INodeListSearchItems[] {
	const seen = new Map<string, INodeListSearchItems>();
	for (const coin of coins) {
		if (coinId && text(coin.coinId) !== coinId) continue;
		for (const [key, network] of Object.entries(networksOf(coin))) {
			const chain = text(network?.chain) || key;
			if (seen.has(chain)) continue;
			const full = text(network?.chainFullName);
			const closed = coinId && network?.canWithdraw === false ? ' (withdrawals closed)' : '';
			seen.set(chain, {
				name: `${chain}${full && full !== chain ? ` · ${full}` : ''}${closed}`,
				value: chain,
			});
		}
	}
	return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function filterItemsV2(
	items: INodeListSearchItems[],
	filter?: string,
): INodeListSearchItems[] {
	const needle = (filter ?? '').trim().toLowerCase();
	if (!needle) return items;
	return items.filter(
		(item) =>
			item.name.toLowerCase().includes(needle) || String(item.value).toLowerCase().includes(needle),
	);
}
