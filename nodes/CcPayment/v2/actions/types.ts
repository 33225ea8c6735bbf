import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute, OperationModule } from '../../shared/execution/run';

export type { OperationExecute, OperationModule };

/**
 * What one file in v2/actions/<resource>/<operation>.ts exports: its entry in the Operation list,
 * its parameters (without displayOptions: the resource adds them) and its execute function.
 */
export interface V2Operation {
	option: INodePropertyOptions & { value: string; action: string };
	properties: INodeProperties[];
	execute: OperationExecute;
}

/** One resource: its Resource-list entry, its operations by value, and all its parameters. */
export interface V2Resource {
	name: string;
	value: string;
	operations: Record<string, OperationModule>;
	description: INodeProperties[];
}

/**
 * Builds a resource from its operation modules: the Operation selector (sorted by name, as n8n
 * lists them) and each operation's parameters, shown only for that resource and operation.
 */
export function defineResource(
	resource: { name: string; value: string; defaultOperation?: string },
	operations: V2Operation[],
): V2Resource {
	const sorted = [...operations].sort((a, b) => a.option.name.localeCompare(b.option.name));
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: sorted.map((operation) => operation.option),
		default: '',
	};
	selector.default = resource.defaultOperation ?? sorted[0].option.value;
	const description: INodeProperties[] = [selector];
	const modules: Record<string, OperationModule> = {};
	for (const operation of sorted) {
		const value = operation.option.value;
		const properties = updateDisplayOptions(
			{ show: { resource: [resource.value], operation: [value] } },
			operation.properties,
		);
		description.push(...properties);
		modules[value] = { description: properties, execute: operation.execute };
	}
	return { name: resource.name, value: resource.value, operations: modules, description };
}
