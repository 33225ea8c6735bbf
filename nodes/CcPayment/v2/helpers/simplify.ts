import type { IDataObject } from 'n8n-workflow';

/**
 * A coin without logos and per-network detail: its networks become a list of chain symbols and the
 * ones open for deposit and withdrawal.
 */
export function simplifyCoin(coin: IDataObject): IDataObject {
	const networks =
		coin.networks && typeof coin.networks === 'object'
			? (coin.networks as Record<string, IDataObject>)
			: {};
	const chains = Object.keys(networks);
	const result: IDataObject = {
		coinId: coin.coinId,
		symbol: coin.symbol,
		coinFullName: coin.coinFullName,
		status: coin.status,
		price: coin.price,
		chains,
		depositChains: chains.filter((chain) => networks[chain]?.canDeposit === true),
		withdrawChains: chains.filter((chain) => networks[chain]?.canWithdraw === true),
	};
	for (const key of Object.keys(result)) if (result[key] === undefined) delete result[key];
	return result;
}
