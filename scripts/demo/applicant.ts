import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeExecutionData, IBinaryData } from 'n8n-workflow';

import type { ApplicantFiles } from '../../test/emulators/complycube/applicant';

/** What examples/files/applicant.json says the applicant submits: on the intake form, and on the hosted page. */
interface ApplicantData {
	form: Record<string, string>;
	hostedPage: { documentType: ApplicantFiles['documentType']; idFront: string; idBack?: string; selfie: string };
}

const MIME_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };

export class Applicant {
	private readonly data: ApplicantData;

	constructor(private readonly filesFolder: string) {
		this.data = JSON.parse(readFileSync(path.join(filesFolder, 'applicant.json'), 'utf8')) as ApplicantData;
	}

	private file(name: string) {
		return { bytes: readFileSync(path.join(this.filesFolder, name)), fileName: name, mimeType: MIME_TYPES[path.extname(name)] ?? 'application/octet-stream' };
	}

	/**
	 * The item n8n's Form Trigger outputs for this submission: each answer under its field label, each file as
	 * a binary named after its label with non-word characters as '_' ("ID front" → ID_front), as the real node does.
	 */
	formSubmission(fileFields: string[]): INodeExecutionData {
		const json: Record<string, unknown> = { submittedAt: new Date().toISOString(), formMode: 'production' };
		const binary: Record<string, IBinaryData> = {};
		for (const [label, value] of Object.entries(this.data.form)) {
			if (!fileFields.includes(label)) {
				json[label] = value;
				continue;
			}
			const file = this.file(value);
			json[label] = { filename: file.fileName, mimetype: file.mimeType, size: file.bytes.length };
			binary[label.replace(/\W/g, '_')] = {
				data: file.bytes.toString('base64'),
				mimeType: file.mimeType,
				fileName: file.fileName,
				fileExtension: path.extname(file.fileName).slice(1),
				fileSize: `${Math.round(file.bytes.length / 1024)} kB`,
			};
		}
		return { json, binary } as INodeExecutionData;
	}

	hostedPageFiles(): ApplicantFiles {
		const { documentType, idFront, idBack, selfie } = this.data.hostedPage;
		return { documentType, idFront: this.file(idFront), ...(idBack ? { idBack: this.file(idBack) } : {}), selfie: this.file(selfie) };
	}
}
