import type { INodeProperties } from 'n8n-workflow';

/** One operation of a node: the values its Resource and Operation selectors take. */
export interface OperationPair {
	resource: string;
	operation: string;
}

type Show = Record<string, unknown[] | undefined>;

const showOf = (property: INodeProperties): Show => (property.displayOptions?.show ?? {}) as Show;

const keyOf = ({ resource, operation }: OperationPair) => `${resource}\u0000${operation}`;

/** The (resource, operation) pairs a node offers, read from its Operation selectors. */
export function operationsOf(properties: INodeProperties[]): OperationPair[] {
	const pairs = new Map<string, OperationPair>();
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of (showOf(property).resource ?? []) as string[]) {
			for (const option of property.options ?? []) {
				const pair = { resource, operation: String((option as { value: unknown }).value) };
				pairs.set(keyOf(pair), pair);
			}
		}
	}
	return [...pairs.values()];
}

/** An Options collection shown for exactly these resources and operations (nothing else decides whether it shows). */
export function isOperationOptions(property: INodeProperties): boolean {
	if (property.name !== 'options' || property.type !== 'collection') return false;
	const show = showOf(property);
	return Boolean(show.resource && show.operation) && Object.keys(show).every((key) => key === 'resource' || key === 'operation');
}

/** Whether the property's displayOptions name this resource and operation. */
export function isShownFor(property: INodeProperties, { resource, operation }: OperationPair): boolean {
	const show = showOf(property);
	return Boolean(show.resource?.includes(resource) && show.operation?.includes(operation));
}

function pairsOf(property: INodeProperties): OperationPair[] {
	const show = showOf(property);
	return (show.resource as string[]).flatMap((resource) => (show.operation as string[]).map((operation) => ({ resource, operation })));
}

/**
 * Where an added option goes among an operation's own: `sorted` keeps the collection alphabetical, as the
 * operation files sort theirs; `last` puts it after them all.
 */
export type OptionPlacement = 'sorted' | 'last';

function place(options: INodeProperties[], option: INodeProperties, placement: OptionPlacement): INodeProperties[] {
	const placed = [...options, option];
	return placement === 'sorted' ? placed.sort((a, b) => a.displayName.localeCompare(b.displayName)) : placed;
}

const newCollection = (pair: OperationPair, option: INodeProperties): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	displayOptions: { show: { resource: [pair.resource], operation: [pair.operation] } },
	options: [option],
});

/**
 * The node's properties with `optionFor(pair)` in the Options collection of every operation the node offers:
 * added to the collection an operation has (left alone where it already holds an option of that name), and a
 * collection of its own made, after the operation's last parameter, for an operation that has none. A
 * collection shared by operations that are given different options is split into one per operation. The
 * properties passed in are not changed (operation files and tests share them).
 */
export function withOptionInEveryOperation(
	properties: INodeProperties[],
	optionFor: (pair: OperationPair) => INodeProperties,
	placement: OptionPlacement,
): INodeProperties[] {
	const covered = new Set<string>();
	const result: INodeProperties[] = [];
	for (const property of properties) {
		if (!isOperationOptions(property)) {
			result.push(property);
			continue;
		}
		const pairs = pairsOf(property);
		for (const pair of pairs) covered.add(keyOf(pair));
		const options = (property.options ?? []) as INodeProperties[];
		const added = pairs.map(optionFor);
		if (added.length === 0 || options.some((option) => option.name === added[0].name)) {
			result.push(property);
		} else if (added.every((option) => JSON.stringify(option) === JSON.stringify(added[0]))) {
			result.push({ ...property, options: place(options, added[0], placement) });
		} else {
			pairs.forEach((pair, index) =>
				result.push({
					...property,
					displayOptions: { ...property.displayOptions, show: { resource: [pair.resource], operation: [pair.operation] } },
					options: place(options, added[index], placement),
				}),
			);
		}
	}
	for (const pair of operationsOf(properties)) {
		if (covered.has(keyOf(pair))) continue;
		let last = result.length - 1;
		while (last >= 0 && !isShownFor(result[last], pair)) last--;
		result.splice(last === -1 ? result.length : last + 1, 0, newCollection(pair, optionFor(pair)));
	}
	return result;
}
