import type { IDataObject } from 'n8n-workflow';

import type { WriteResult } from '../../shared/execution/writePolicy';
import type { ApiData } from '../../shared/transport';

/**
 * Output of a reconciled write (withdrawal, native order):
 * - created:         { outcome: 'created', merchant_order_id, ...CCPayment's answer }
 * - already_existed: { outcome: 'already_existed', merchant_order_id, order_id, status, order }
 *   where `order` is the bill/info entry found for this merchant_order_id.
 */
export function writeOutput(
	result: WriteResult<ApiData, IDataObject>,
	merchantOrderId: string,
): IDataObject {
	if (result.outcome === 'created') {
		const data = Array.isArray(result.data) ? { list: result.data } : result.data;
		return { outcome: 'created', merchant_order_id: merchantOrderId, ...data };
	}
	const detail = (result.order.order_detail ?? {}) as IDataObject;
	return {
		outcome: 'already_existed',
		merchant_order_id: merchantOrderId,
		order_id: detail.order_id,
		status: detail.status,
		order: result.order,
	};
}
