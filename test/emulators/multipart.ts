/** A part of a multipart/form-data body, as a server sees it. */
export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

export class MultipartParseError extends Error {}

export function boundaryOf(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]).trim() : undefined;
}

/** Parses a whole multipart/form-data body held in memory; throws MultipartParseError if malformed. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: MultipartPart[] = [];
	let position = body.indexOf(delimiter);
	if (position < 0) throw new MultipartParseError('no boundary in body');
	while (true) {
		position += delimiter.length;
		if (body.subarray(position, position + 2).toString() === '--') return parts;
		if (body.subarray(position, position + 2).toString() !== '\r\n') {
			throw new MultipartParseError('malformed boundary line');
		}
		position += 2;
		const headerEnd = body.indexOf('\r\n\r\n', position);
		if (headerEnd < 0) throw new MultipartParseError('part headers not terminated');
		const headers = body.subarray(position, headerEnd).toString('utf8').split('\r\n');
		const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
		if (next < 0) throw new MultipartParseError('part not terminated');
		parts.push({ ...parsePartHeaders(headers), data: body.subarray(headerEnd + 4, next) });
		position = next + 2;
	}
}

function parsePartHeaders(lines: string[]): Omit<MultipartPart, 'data'> {
	let name: string | undefined;
	let filename: string | undefined;
	let contentType: string | undefined;
	for (const line of lines) {
		const [key, ...rest] = line.split(':');
		const value = rest.join(':').trim();
		if (/^content-disposition$/i.test(key)) {
			name = /\bname="([^"]*)"/i.exec(value)?.[1];
			filename = /\bfilename="([^"]*)"/i.exec(value)?.[1];
		} else if (/^content-type$/i.test(key)) {
			contentType = value;
		}
	}
	if (name === undefined) throw new MultipartParseError('part without a name');
	return { name, filename, contentType };
}
