/**
 * The v2 trigger's parameters. Long explanations live in the README's Trigger section.
 */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMESTAMP_TOLERANCE_SECONDS } from './verification';

export const DEFAULT_ACK_BODY_V2 = 'Success';

export const v2Properties: INodeProperties[] = [
	{
		displayName:
			'Copy the Production URL into the CCPayment dashboard (Developer > Webhook URL). Saving it sends an activation check, which is acknowledged without running the workflow.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{
				name: 'API Deposit',
				value: 'ApiDeposit',
				description: 'Payment to an order address or an invoice',
			},
			{
				name: 'API Withdrawal',
				value: 'ApiWithdrawal',
				description: 'Status of a merchant withdrawal to a blockchain address',
			},
			{
				name: 'Direct Deposit',
				value: 'DirectDeposit',
				description: 'Payment to a permanent deposit address',
			},
			{
				name: 'Risky Address',
				value: 'RiskyAddress',
				description: 'A deposit address was flagged as risky and disabled',
			},
			{
				name: 'User Deposit',
				value: 'UserDeposit',
				description: 'Payment to the address of a wallet-system user',
			},
			{
				name: 'User Withdrawal',
				value: 'UserWithdrawal',
				description: 'Status of a wallet-system user withdrawal',
			},
		],
		default: [
			'ApiDeposit',
			'ApiWithdrawal',
			'DirectDeposit',
			'RiskyAddress',
			'UserDeposit',
			'UserWithdrawal',
		],
		description:
			'Which notification types start the workflow. Others are acknowledged and dropped. Leave empty to accept every type, including unknown ones.',
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: [
			{ name: 'Failed', value: 'Failed', description: 'The transaction failed' },
			{ name: 'Processing', value: 'Processing', description: 'Being processed on chain' },
			{ name: 'Rejected', value: 'Rejected', description: 'A withdrawal was rejected at approval' },
			{
				name: 'Success',
				value: 'Success',
				description: 'Confirmed. Credit only items whose ccpayment.creditable is true.',
			},
			{
				name: 'Waiting Approval',
				value: 'WaitingApproval',
				description: 'A withdrawal waits for approval on the dashboard',
			},
		],
		default: ['Success'],
		description:
			'Which notified statuses start the workflow. Others are acknowledged and dropped. Leave empty to accept every status.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Acknowledgement Body',
				name: 'ackBody',
				type: 'string',
				default: DEFAULT_ACK_BODY_V2,
				description:
					'Plain-text body sent with HTTP 200 to every verified delivery. CCPayment keeps retrying unless it contains "Success".',
			},
			{
				displayName: 'Allow Only CCPayment Sender IPs',
				name: 'ccpaymentIpsOnly',
				type: 'boolean',
				default: false,
				description:
					"Whether to accept deliveries only from CCPayment's three published v2 sender IPs (and the Allowed IP Addresses). Others get HTTP 403.",
			},
			{
				displayName: 'Allowed IP Addresses',
				name: 'ipAllowlist',
				type: 'string',
				default: '',
				placeholder: 'e.g. 203.0.113.10, 198.51.100.0/24',
				description:
					'Comma-separated sender IPs or IPv4 CIDR ranges. Others get HTTP 403. Empty allows all; the signature remains the real check.',
			},
			{
				displayName: 'Fetch Record',
				name: 'fetchRecord',
				type: 'boolean',
				default: true,
				description:
					'Whether to fetch the record the notification points to and compute ccpayment.creditable from it. Off: nothing is creditable.',
			},
			{
				displayName: 'Ignore Duplicate Deliveries',
				name: 'ignoreDuplicates',
				type: 'boolean',
				default: true,
				description:
					'Whether to acknowledge a notification already run (same type, record ID and status) without running the workflow again',
			},
			{
				displayName: 'Include Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the request headers to ccpayment.headers in the output. The Sign header and credentials-like headers are never included.',
			},
			{
				displayName: 'Require App ID Match',
				name: 'requireAppIdMatch',
				type: 'boolean',
				default: true,
				description:
					'Whether the Appid header must be present and equal the App ID of the credential. When off, the signature is still checked with the App Secret.',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'timestampTolerance',
				type: 'number',
				default: DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
				typeOptions: { minValue: 0 },
				description:
					"How far the signed Timestamp may be from this machine's clock before a delivery is refused as a replay. 0 turns the check off.",
			},
		],
	},
];
