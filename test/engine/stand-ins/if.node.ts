import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { standInDescription } from './description';

interface Condition {
	leftValue?: unknown;
	rightValue?: unknown;
	operator?: { type?: string; operation?: string };
}

const OPERATIONS: Record<string, (left: unknown, right: unknown) => boolean> = {
	equals: (left, right) => left === right,
	notEquals: (left, right) => left !== right,
	exists: (left) => left !== undefined && left !== null,
	notExists: (left) => left === undefined || left === null,
	contains: (left, right) => String(left ?? '').includes(String(right ?? '')),
	true: (left) => left === true,
	false: (left) => left === false,
};

/** n8n's If (v2): the examples' string and boolean conditions, `and`/`or` combined; output 0 true, output 1 false. */
export class If implements INodeType {
	description = standInDescription(
		'if',
		'If',
		['main'],
		[2, 2.1, 2.2],
		{
			properties: [
				{ displayName: 'Conditions', name: 'conditions', type: 'filter', default: {} },
				{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
			],
		},
		['main', 'main'],
	);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const kept: INodeExecutionData[] = [];
		const discarded: INodeExecutionData[] = [];
		this.getInputData().forEach((item, itemIndex) => {
			const filter = this.getNodeParameter('conditions', itemIndex, {}, { rawExpressions: false }) as IDataObject;
			const conditions = (filter.conditions as Condition[] | undefined) ?? [];
			const results = conditions.map((condition) => {
				const operation = OPERATIONS[condition.operator?.operation ?? ''];
				if (!operation) throw new Error(`The If stand-in has no operation "${condition.operator?.operation}"`);
				return operation(condition.leftValue, condition.rightValue);
			});
			const passed = filter.combinator === 'or' ? results.some(Boolean) : results.every(Boolean);
			(passed ? kept : discarded).push({ ...item, pairedItem: { item: itemIndex } });
		});
		return [kept, discarded];
	}
}
