import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { chainItemsV2, coinItemsV2, fetchCoinsV2, filterItemsV2 } from './catalogue';

export async function searchCoinsV2(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return { results: filterItemsV2(coinItemsV2(await fetchCoinsV2.call(this)), filter) };
}

/** The chains of the coin picked in the same operation; every chain when none is picked yet. */
export async function searchChainsV2(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	let coinId = '';
	try {
		const picked = this.getCurrentNodeParameter('coinId', { extractValue: true });
		coinId = typeof picked === 'string' || typeof picked === 'number' ? String(picked).trim() : '';
	} catch {
		coinId = '';
	}
	return { results: filterItemsV2(chainItemsV2(await fetchCoinsV2.call(this), coinId || undefined), filter) };
}
