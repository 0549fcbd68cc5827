import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** A required text parameter, trimmed; an empty value (often an expression that found nothing) is a clear error. */
export function requiredText(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Set ${label}; if it comes from an expression, check that the expression finds a value for this item.`,
		});
	}
	return value;
}

export function optionalText(ctx: IExecuteFunctions, name: string, itemIndex: number): string | undefined {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	return value || undefined;
}
