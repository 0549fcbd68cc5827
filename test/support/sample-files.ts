import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const SIGNATURES = {
	jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
	png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
	pdf: Buffer.from('%PDF-1.7\n'),
	gif: Buffer.from('GIF89a'),
	webp: Buffer.from('RIFF\0\0\0\0WEBPVP8 '),
	text: Buffer.from('plain text, not an image\n'),
};

export type SampleKind = keyof typeof SIGNATURES;

/** Bytes that begin as the kind's real files do, padded with random bytes to an exact size. */
export function sampleBytes(kind: SampleKind, size: number): Buffer {
	const head = SIGNATURES[kind];
	return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]).subarray(0, size);
}

/** A temporary folder of sample files, written once per test file. */
export class SampleFolder {
	readonly dir = mkdtempSync(path.join(tmpdir(), 'identity-uploads-samples-'));

	write(name: string, bytes: Buffer): { path: string; bytes: Buffer } {
		const filePath = path.join(this.dir, name);
		writeFileSync(filePath, bytes);
		return { path: filePath, bytes };
	}

	make(name: string, kind: SampleKind, size: number) {
		return this.write(name, sampleBytes(kind, size));
	}
}
