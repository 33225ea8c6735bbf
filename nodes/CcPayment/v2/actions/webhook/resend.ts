import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { toUnixSeconds } from '../../../shared/time';
import { checkCount, textList } from '../../helpers/moneyFields';
import { InvalidParameterError } from '../../helpers/validation';
import { additionalFields, compact } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Resend',
	value: 'resend',
	description: 'Ask CCPayment to send the webhooks of a time window or of given records again',
	action: 'Resend webhooks',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Resend for transactions created from this time',
	},
	additionalFields([
		{
			displayName: 'End Time',
			name: 'endTime',
			type: 'dateTime',
			default: '',
			description: 'At most one hour after the start (default: start + 1 hour)',
		},
		{
			displayName: 'Record IDs',
			name: 'recordIds',
			type: 'string',
			default: '',
			description: 'Only these records (comma-separated, at most 50)',
		},
		{
			displayName: 'Transaction Type',
			name: 'transactionType',
			type: 'options',
			default: 'AllType',
			options: [
				{ name: 'All Types', value: 'AllType' },
				{ name: 'API Deposit', value: 'ApiDeposit' },
				{ name: 'API Withdrawal', value: 'ApiWithdrawal' },
				{ name: 'Direct Deposit', value: 'DirectDeposit' },
				{ name: 'User Deposit', value: 'UserDeposit' },
				{ name: 'User Withdrawal', value: 'UserWithdrawal' },
			],
			description: 'Which webhooks to resend',
		},
		{
			displayName: 'Webhook Result',
			name: 'webhookResult',
			type: 'options',
			default: 'Failed',
			options: [
				{ name: 'Failed Only', value: 'Failed' },
				{ name: 'All Results', value: 'AllResult' },
			],
			description: 'Whether to resend only deliveries that failed, or all',
		},
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const zone = this.getTimezone();
	const startTimestamp = toUnixSeconds(this.getNodeParameter('startTime', i), 'Start Time', zone);
	const endTimestamp =
		extra.endTime === undefined || extra.endTime === ''
			? undefined
			: toUnixSeconds(extra.endTime, 'End Time', zone);
	if (
		endTimestamp !== undefined &&
		(endTimestamp < startTimestamp || endTimestamp - startTimestamp > 3600)
	) {
		throw new InvalidParameterError(
			'End Time',
			'must be from Start Time to one hour after it',
			'Pick an end time within one hour of the start, or leave it empty.',
		);
	}
	const recordIds = textList(extra.recordIds ?? '', 'Record IDs');
	checkCount(recordIds.length, 'Record IDs', 50);
	const body = compact({
		recordIds: recordIds.length ? recordIds : undefined,
		startTimestamp,
		endTimestamp,
		webhookResult: extra.webhookResult as string | undefined,
		transactionType: extra.transactionType as string | undefined,
	});
	// CCPayment limits resends, so only a request that certainly never arrived is sent again.
	return await client.read(ENDPOINTS_V2.webhookResend, body, i, { onlyIfNotApplied: true });
};
