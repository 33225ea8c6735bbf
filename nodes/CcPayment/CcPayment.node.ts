import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties as v1Properties } from './v1/actions/description';
import { router as v1Router } from './v1/actions/router';
import { listSearch as v1ListSearch, loadOptions as v1LoadOptions } from './v1/methods';
import { nodeProperties as v2Properties } from './v2/actions/description';
import { router as v2Router } from './v2/actions/router';
import { listSearch as v2ListSearch } from './v2/methods';

type ApiVersion = 'v1' | 'v2';

/** Shows top-level parameters only for one API version (nested ones follow their parent). */
function onlyFor(apiVersion: ApiVersion, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, apiVersion: [apiVersion] },
		},
	}));
}

const apiVersionOptions = [
	{ name: 'V2', value: 'v2' },
	{ name: 'V1 (Legacy)', value: 'v1' },
];

// Saved node-version-1 workflows have no apiVersion parameter: their default must stay v1.
const apiVersionProperties: INodeProperties[] = [
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		noDataExpression: true,
		options: apiVersionOptions,
		default: 'v1',
		description:
			'CCPayment API the node speaks. v1 App IDs have 33 digits, v2 App IDs 16 letters and digits.',
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		noDataExpression: true,
		options: apiVersionOptions,
		default: 'v2',
		description:
			'CCPayment API the node speaks. v1 App IDs have 33 digits, v2 App IDs 16 letters and digits.',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
	},
];

export class CcPayment implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCPayment',
		name: 'ccPayment',
		icon: { light: 'file:../../icons/ccpayment.svg', dark: 'file:../../icons/ccpayment.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Accept crypto payments and send payouts with CCPayment',
		defaults: { name: 'CCPayment' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ccPaymentApi', required: true, displayOptions: { show: { apiVersion: ['v1'] } } },
			{ name: 'ccPaymentV2Api', required: true, displayOptions: { show: { apiVersion: ['v2'] } } },
		],
		properties: [
			...apiVersionProperties,
			// v2 first: for each resource name, n8n's node creator offers the actions of the first
			// Operation parameter shown for it, so it offers v2's, the default API's.
			...onlyFor('v2', v2Properties),
			...onlyFor('v1', v1Properties),
		],
	};

	methods = {
		listSearch: { ...v1ListSearch, ...v2ListSearch },
		loadOptions: { ...v1LoadOptions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const apiVersion = this.getNodeParameter('apiVersion', 0) as ApiVersion;
		if (apiVersion === 'v2') return await v2Router.call(this);
		return await v1Router.call(this);
	}
}
