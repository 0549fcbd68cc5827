import type { IExecuteFunctions } from 'n8n-workflow';

type Fallback = string | number | boolean;

const isResourceLocator = (value: unknown) => value !== null && typeof value === 'object' && (value as { __rl?: unknown }).__rl === true;

// Per node run (the context n8n hands the node): the values of parameters that hold no expression.
const constants = new WeakMap<object, Map<string, unknown>>();

/**
 * `getNodeParameter` for a parameter that is read for every item and whose value is a string, number or
 * boolean. A value typed into the node (not an expression) is the same for every item, yet n8n resolves
 * and validates it again at each call, several times per upload: it is read once per node run and kept.
 * An expression is resolved for each item, as n8n does.
 */
export function itemParameter(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: Fallback): unknown {
	// As stored in the node, without n8n resolving anything (nor copying the node, as getNode() does).
	const stored: unknown = ctx.getNodeParameter(name, itemIndex, fallback, { rawExpressions: true });
	// A resource locator ({__rl, mode, value}): its value, resolved for the item (a saved plain string reads as before).
	if (isResourceLocator(stored)) return ctx.getNodeParameter(name, itemIndex, fallback, { extractValue: true });
	// An expression, or an object (a collection) that may hold one anywhere inside.
	const perItem = typeof stored === 'string' ? stored.startsWith('=') : stored !== null && typeof stored === 'object';
	if (perItem) return ctx.getNodeParameter(name, itemIndex, fallback);
	let known = constants.get(ctx);
	if (!known) {
		known = new Map();
		constants.set(ctx, known);
	}
	const key = `${name}\u0000${typeof fallback}:${String(fallback)}`;
	if (known.has(key)) return known.get(key);
	const value = ctx.getNodeParameter(name, itemIndex, fallback);
	// Kept only when nothing can change it afterwards.
	if (value === null || typeof value !== 'object') known.set(key, value);
	return value;
}
