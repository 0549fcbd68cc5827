import type { IExecuteFunctions } from 'n8n-workflow';

import { itemParameter } from '../../nodes/shared/parameters/item-parameter';

/**
 * A node run's context as far as itemParameter uses it, with n8n's contract: `rawExpressions` gives the
 * parameter as stored, otherwise an expression ('=...') is resolved for the item (here: '={{item}}' gives
 * the item index) and every call counts as a resolution.
 */
function context(parameters: Record<string, unknown>) {
	const resolved: string[] = [];
	const stored = (name: string, fallback: unknown) => {
		let value: unknown = parameters;
		for (const key of name.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
		return value === undefined ? fallback : value;
	};
	const ctx = {
		getNodeParameter: (name: string, itemIndex: number, fallback: unknown, options?: { rawExpressions?: boolean }) => {
			const value = stored(name, fallback);
			if (options?.rawExpressions) return value;
			resolved.push(`${name}#${itemIndex}`);
			if (typeof value === 'string' && value.startsWith('=')) return value.replace('={{item}}', String(itemIndex));
			return value && typeof value === 'object' ? structuredClone(value) : value;
		},
	} as unknown as IExecuteFunctions;
	return { ctx, resolved };
}

describe('itemParameter', () => {
	test('a typed value is resolved once per node run and is the same for every item', () => {
		const { ctx, resolved } = context({ documentId: '5eb04fcd0f3e360008035eb1', options: { timeout: 5000 } });
		for (const item of [0, 1, 2]) {
			expect(itemParameter(ctx, 'documentId', item, '')).toBe('5eb04fcd0f3e360008035eb1');
			expect(itemParameter(ctx, 'options.timeout', item, 60000)).toBe(5000);
		}
		expect(resolved).toEqual(['documentId#0', 'options.timeout#0']);
	});

	test('an expression is resolved for each item', () => {
		const { ctx, resolved } = context({ documentId: '={{item}}' });
		expect([0, 1, 2].map((item) => itemParameter(ctx, 'documentId', item, ''))).toEqual(['0', '1', '2']);
		expect(resolved).toEqual(['documentId#0', 'documentId#1', 'documentId#2']);
	});

	test('a parameter left unset gives the fallback, kept per fallback', () => {
		const { ctx } = context({ options: {} });
		expect(itemParameter(ctx, 'options.fileName', 0, '')).toBe('');
		expect(itemParameter(ctx, 'options.timeout', 0, 60000)).toBe(60000);
		expect(itemParameter(ctx, 'options.timeout', 1, 30000)).toBe(30000);
	});

	test('an object (a resource locator, a collection: it may hold expressions) is resolved every time', () => {
		const { ctx, resolved } = context({ profile: { __rl: true, mode: 'id', value: 'p-1' } });
		itemParameter(ctx, 'profile', 0, '');
		itemParameter(ctx, 'profile', 1, '');
		expect(resolved).toEqual(['profile#0', 'profile#1']);
	});

	test('each node run reads its own values', () => {
		const first = context({ documentSide: 'front' });
		const second = context({ documentSide: 'back' });
		expect(itemParameter(first.ctx, 'documentSide', 0, 'front')).toBe('front');
		expect(itemParameter(second.ctx, 'documentSide', 0, 'front')).toBe('back');
	});

	test('a value n8n refuses is not kept: every item gets the error', () => {
		let calls = 0;
		const ctx = {
			getNodeParameter: (_name: string, _item: number, _fallback: unknown, options?: { rawExpressions?: boolean }) => {
				if (options?.rawExpressions) return 'abc';
				calls++;
				throw new Error("Invalid value for 'Timeout'");
			},
		} as unknown as IExecuteFunctions;
		expect(() => itemParameter(ctx, 'options.timeout', 0, 60000)).toThrow('Invalid value');
		expect(() => itemParameter(ctx, 'options.timeout', 1, 60000)).toThrow('Invalid value');
		expect(calls).toBe(2);
	});
});
