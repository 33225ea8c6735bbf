import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { orderIdText } from '../../helpers/moneyFields';
import { InvalidParameterError } from '../../helpers/validation';
import type { OperationExecute, V2Operation } from '../types';
import { batchOrderIdProperty } from './shared';

export const option: V2Operation['option'] = {
	name: 'Confirm',
	value: 'confirm',
	description: 'Confirm a batch so CCPayment pays it, optionally after a delay',
	action: 'Confirm a batch withdrawal',
};

export const properties: INodeProperties[] = [
	{ ...batchOrderIdProperty, description: 'The batch to confirm' },
	{
		displayName: 'Delay (Seconds)',
		name: 'delaySeconds',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 3600, numberPrecision: 0 },
		description: 'Wait this long before paying (0-3600), leaving time to abort',
	},
];

export const execute: OperationExecute = async function (this, i, client) {
	const batchOrderId = orderIdText(
		this.getNodeParameter('batchOrderId', i),
		'Batch Order ID',
		'Enter the batch order ID used to create the batch.',
	);
	const delaySeconds = this.getNodeParameter('delaySeconds', i, 0) as number;
	if (!Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > 3600) {
		throw new InvalidParameterError(
			'Delay (Seconds)',
			`must be a whole number from 0 to 3600 (got ${JSON.stringify(delaySeconds)})`,
			'Enter e.g. 60, or 0 to pay at once.',
		);
	}
	const body = delaySeconds ? { batchOrderId, delaySeconds } : { batchOrderId };
	return await client.read(ENDPOINTS_V2.batchConfirm, body, i, { onlyIfNotApplied: true });
};
