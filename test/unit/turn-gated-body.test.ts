import type { Readable } from 'node:stream';

import { turnGatedBody } from '../../nodes/shared/http/turn-gated-body';

/** Everything the stream gives, or the error it ends with. */
async function drain(body: Readable): Promise<Buffer | Error> {
	const chunks: Buffer[] = [];
	try {
		for await (const chunk of body) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	} catch (error) {
		return error as Error;
	}
}

describe('turnGatedBody', () => {
	test('gives nothing until the opening resolves true, then exactly the bytes', async () => {
		let open!: (send: boolean) => void;
		const body = turnGatedBody(Buffer.from('{"a":1}'), new Promise((resolve) => (open = resolve)));
		const chunks: Buffer[] = [];
		body.on('data', (chunk: Buffer) => chunks.push(chunk));
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(chunks).toHaveLength(0);
		const ended = new Promise((resolve) => body.on('end', resolve));
		open(true);
		await ended;
		expect(Buffer.concat(chunks).toString()).toBe('{"a":1}');
	});

	test('withdrawn (false): ends with an error, no byte given', async () => {
		const result = await drain(turnGatedBody(Buffer.from('{"a":1}'), Promise.resolve(false)));
		expect(result).toBeInstanceOf(Error);
		expect((result as Error).message).toMatch(/withdrawn before it was sent/);
	});

	test("the opening rejecting (the node stopped at an earlier item): ends with that error, no byte given", async () => {
		const cancelled = new Error('stopped');
		const result = await drain(turnGatedBody(Buffer.from('{"a":1}'), Promise.reject(cancelled)));
		expect(result).toBe(cancelled);
	});
});
