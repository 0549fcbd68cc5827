/**
 * A small but valid PDF 1.4, written by hand: one A4 page of Helvetica text.
 * Objects: 1 Catalog, 2 Pages, 3 Page, 4 Font, 5 Contents; the xref holds each object's exact byte offset.
 */

/** PDF string literal: latin1 only, with ( ) \ escaped. */
function pdfString(text: string): string {
	const latin1 = [...text].map((char) => (char.charCodeAt(0) < 256 ? char : '?')).join('');
	return `(${latin1.replace(/[\\()]/g, (char) => `\\${char}`).replace(/[\r\n]/g, ' ')})`;
}

export function buildPdf(title: string, lines: string[]): Buffer {
	const content = [
		'BT',
		'/F1 18 Tf',
		'56 780 Td',
		`${pdfString(title)} Tj`,
		'/F1 11 Tf',
		'0 -28 Td',
		...lines.slice(0, 48).flatMap((line) => [`${pdfString(line)} Tj`, '0 -15 Td']),
		'ET',
	].join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
	];
	// The binary comment line marks the file as binary for transfer tools, as the spec recommends.
	let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	objects.forEach((object, index) => {
		offsets.push(Buffer.byteLength(pdf, 'latin1'));
		pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xrefOffset = Buffer.byteLength(pdf, 'latin1');
	// Each xref entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, n|f, CR LF.
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`;
	pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n\r\n`).join('');
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}
