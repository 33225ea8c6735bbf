import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { chainItems, fetchCoins } from './catalogue';

export async function getChains(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return chainItems(await fetchCoins.call(this));
}
