import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { coinItems, fetchCoins, filterItems, tokenItems } from './catalogue';

export async function searchTokens(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return { results: filterItems(tokenItems(await fetchCoins.call(this)), filter) };
}

export async function searchCoins(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return { results: filterItems(coinItems(await fetchCoins.call(this)), filter) };
}
