import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './v1/actions/description';
import { router } from './v1/actions/router';
import { listSearch, loadOptions } from './v1/methods';

export class CcPayment implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCPayment',
		name: 'ccPayment',
		icon: { light: 'file:../../icons/ccpayment.svg', dark: 'file:../../icons/ccpayment.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Accept crypto payments and send payouts with CCPayment',
		defaults: { name: 'CCPayment' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ccPaymentApi', required: true }],
		properties: nodeProperties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
