import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	INodePropertyCollection,
	INodeTypeDescription,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Where a password-typed parameter sits in a node's parameters: its name, inside its collections. */
type ParameterPath = readonly string[];

/**
 * Every parameter of a node description typed as a password (`typeOptions.password`), at any depth of
 * collections and fixed collections, e.g. ['updateFields', 'password'].
 */
export function passwordParameterPaths(properties: readonly INodeProperties[]): ParameterPath[] {
	const paths = new Map<string, ParameterPath>();
	const work: Array<{ property: INodeProperties; parent: ParameterPath }> = properties.map((property) => ({ property, parent: [] }));
	for (let next = work.pop(); next; next = work.pop()) {
		const { property, parent } = next;
		const path = [...parent, property.name];
		if (property.typeOptions?.password) paths.set(path.join('.'), path);
		for (const option of property.options ?? []) {
			if ('type' in option) work.push({ property: option, parent: path });
			else if ('values' in option)
				for (const value of (option as INodePropertyCollection).values) work.push({ property: value, parent: [...path, option.name] });
		}
	}
	return [...paths.values()];
}

/** A password parameter, and the resource/operation pairs it is shown for (undefined: always). */
interface Registered {
	path: ParameterPath;
	shownFor?: Set<string>;
}

// Node description name -> its password parameters; filled by the node classes (registerPasswordParameters).
const registered = new Map<string, Registered[]>();

const pair = (resource: unknown, operation: unknown) => `${String(resource)}\u0000${String(operation)}`;

/**
 * Records a node's password parameters, so the request path can hide their values, each with the operations
 * that show it: reading a parameter is not free in n8n (it is checked against the whole description), so a
 * call reads only those its own operation has.
 */
export function registerPasswordParameters<T extends Pick<INodeTypeDescription, 'name' | 'properties'>>(description: T): T {
	const entries = passwordParameterPaths(description.properties).map((path): Registered => {
		const shownFor = new Set<string>();
		for (const property of description.properties.filter((top) => top.name === path[0])) {
			const { resource, operation } = property.displayOptions?.show ?? {};
			if (!Array.isArray(resource) || !Array.isArray(operation)) return { path };
			for (const oneResource of resource) for (const oneOperation of operation) shownFor.add(pair(oneResource, oneOperation));
		}
		return { path, shownFor };
	});
	registered.set(description.name, entries);
	return description;
}

// The node run's resource and operation (fixed for the run: n8n lets neither be an expression).
const runOperations = new WeakMap<object, string>();

function runOperationOf(ctx: IExecuteFunctions): string {
	let known = runOperations.get(ctx);
	if (known === undefined) {
		known = pair(ctx.getNodeParameter('resource', 0, ''), ctx.getNodeParameter('operation', 0, ''));
		runOperations.set(ctx, known);
	}
	return known;
}

/** The description name of a node type: 'n8n-nodes-identity-uploads.crafterProfileTool' → 'crafterProfile'. */
export const descriptionName = (type: string) => type.slice(type.lastIndexOf('.') + 1).replace(/Tool$/, '');

/**
 * The values the item gives the node's password parameters (a profile's password, a verification token), to
 * be hidden wherever a service echoes them. `properties` defaults to what the node registered. Triggers have
 * no items, and no password parameters: none.
 */
export function passwordParameterValues(
	ctx: IExecuteFunctions | IHookFunctions | IWebhookFunctions | ILoadOptionsFunctions,
	itemIndex: number | undefined,
	properties?: readonly INodeProperties[],
): string[] {
	if (!('getInputData' in ctx)) return [];
	const paths = properties
		? passwordParameterPaths(properties)
		: (registered.get(descriptionName(ctx.getNode().type)) ?? [])
				.filter((entry) => !entry.shownFor || entry.shownFor.has(runOperationOf(ctx)))
				.map((entry) => entry.path);
	const values = new Set<string>();
	for (const [name, ...inner] of paths) {
		let value: unknown;
		try {
			value = ctx.getNodeParameter(name, itemIndex ?? 0, undefined);
		} catch {
			continue; // An expression that does not resolve for this item: the operation reports it, nothing to hide.
		}
		for (const found of valuesAt(value, inner)) values.add(found);
	}
	return [...values];
}

/** The strings at a path inside a parameter's value; a fixed collection with multiple values is a list at each step. */
function valuesAt(value: unknown, path: readonly string[]): string[] {
	const found: string[] = [];
	const work: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
	for (let next = work.pop(); next; next = work.pop()) {
		if (Array.isArray(next.value)) {
			for (const inner of next.value) work.push({ value: inner, depth: next.depth });
		} else if (next.depth === path.length) {
			if (typeof next.value === 'string' || typeof next.value === 'number') found.push(String(next.value));
		} else if (next.value && typeof next.value === 'object') {
			work.push({ value: (next.value as Record<string, unknown>)[path[next.depth]], depth: next.depth + 1 });
		}
	}
	return found;
}
