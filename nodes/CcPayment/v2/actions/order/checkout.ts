import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CCPaymentClient } from '../../../shared/transport';
import { coinPrecision } from '../../helpers/coins';
import {
	coinAmount,
	expiryAt,
	optionalEmail,
	optionalShortText,
	optionalUrl,
} from '../../helpers/moneyFields';
import { positiveAmount } from '../../helpers/validation';

/** A fiat price: a positive decimal with at most 2 decimals. */
export function fiatPrice(raw: unknown): string {
	return positiveAmount(raw, 'Price', { maxDecimals: 2, example: '19.99' });
}

/** A price in a coin, within the coin's precision (read from the coin list; 18 when unknown). */
export async function coinPrice(
	client: CCPaymentClient,
	raw: unknown,
	coinId: number,
	chain: string | undefined,
	i: number,
): Promise<string> {
	// Malformed input is refused before the coin list is read.
	coinAmount(raw, 'Price', 18);
	const { precision, symbol } = await coinPrecision(client, coinId, chain, i);
	return coinAmount(raw, 'Price', precision ?? 18, symbol);
}

/** The Additional Fields Order > Create and Invoice > Create share, checked; unset ones undefined. */
export function checkoutOptions(ctx: IExecuteFunctions, extra: IDataObject) {
	return {
		product: optionalShortText(extra.product, 'Product', 120),
		returnUrl: optionalUrl(extra.returnUrl, 'Return URL'),
		closeUrl: optionalUrl(extra.closeUrl, 'Close URL'),
		notifyUrl: optionalUrl(extra.notifyUrl, 'Notify URL'),
		expiredAt: expiryAt(
			extra.expiresAt,
			extra.validFor,
			Math.floor(Date.now() / 1000),
			ctx.getTimezone(),
		),
		buyerEmail: optionalEmail(extra.buyerEmail, 'Buyer Email'),
	};
}
