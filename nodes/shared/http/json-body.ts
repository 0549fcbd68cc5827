import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

/**
 * File bytes that go into a JSON body as a base64 string. jsonBody writes their base64 text straight into
 * the body: JSON.stringify would scan the whole text (4/3 of the file) for characters to escape, and base64
 * has none. That scan and its copy were the largest single cost of an upload in the node's own code.
 */
export class Base64Field {
	constructor(readonly bytes: Buffer) {}
}

/** The number of characters base64 (with padding) takes for `size` bytes. */
const base64Length = (size: number) => Math.ceil(size / 3) * 4;

const QUOTE = 0x22;

/**
 * A JSON request body serialised once, when the operation builds it: an item read ahead (send-turns.ts)
 * does this while the item before it is at the service, rather than n8n's HTTP client doing it after the
 * item's turn came, and every attempt sends the same bytes. The bytes are those of JSON.stringify with each
 * Base64Field written as its base64 string.
 */
export function jsonBody(value: IDataObject): { body: Buffer; headers: { 'content-type': string } } {
	return { body: serialise(value), headers: { 'content-type': 'application/json' } };
}

function serialise(value: IDataObject): Buffer {
	const fields: Base64Field[] = [];
	// A placeholder no text of the user's can hold: a fresh random id per body.
	const marker = `base64-field-${randomUUID()}-`;
	const text = JSON.stringify(value, (_key, field: unknown) => (field instanceof Base64Field ? `${marker}${fields.push(field) - 1}` : field));
	if (!fields.length) return Buffer.from(text);
	const pieces = piecesAround(text, `"${marker}`, fields.length);
	const size =
		pieces.reduce((total, piece) => total + Buffer.byteLength(piece), 0) + fields.reduce((total, field) => total + base64Length(field.bytes.length) + 2, 0);
	const body = Buffer.allocUnsafe(size);
	let offset = 0;
	pieces.forEach((piece, index) => {
		offset += body.write(piece, offset);
		const field = fields[index];
		if (!field) return;
		body[offset++] = QUOTE;
		// base64 is ASCII: latin1 copies it byte for byte.
		offset += body.write(field.bytes.toString('base64'), offset, 'latin1');
		body[offset++] = QUOTE;
	});
	return body;
}

/**
 * The text around the placeholders `"marker0"`, `"marker1"`... (JSON.stringify calls the replacer in the
 * order it writes, so they come in that order). Found with indexOf: a RegExp made for each body's fresh
 * marker cost twice what encoding the file did.
 */
function piecesAround(text: string, opening: string, count: number): string[] {
	const pieces: string[] = [];
	let from = 0;
	for (let index = 0; index < count; index++) {
		const placeholder = `${opening}${index}"`;
		const at = text.indexOf(placeholder, from);
		pieces.push(text.slice(from, at));
		from = at + placeholder.length;
	}
	pieces.push(text.slice(from));
	return pieces;
}
