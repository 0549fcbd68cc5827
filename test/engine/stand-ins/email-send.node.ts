import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { standInDescription } from './description';
import { sendMail } from './smtp-client';

/** n8n's Send Email (v2): a plain-text message over the SMTP credential, so the examples' e-mails reach the local mail sink. */
export class EmailSend implements INodeType {
	description = standInDescription('emailSend', 'Send Email', ['main'], [2, 2.1], {
		credentials: [{ name: 'smtp', required: true }],
		properties: [
			{ displayName: 'From Email', name: 'fromEmail', type: 'string', default: '' },
			{ displayName: 'To Email', name: 'toEmail', type: 'string', default: '' },
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
			{ displayName: 'Email Format', name: 'emailFormat', type: 'options', options: [{ name: 'Text', value: 'text' }], default: 'text' },
			{ displayName: 'Text', name: 'text', type: 'string', default: '' },
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('smtp');
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const text = (name: string) => String(this.getNodeParameter(name, itemIndex, ''));
			const to = text('toEmail')
				.split(',')
				.map((address) => address.trim())
				.filter(Boolean);
			const response = await sendMail(String(credentials.host), Number(credentials.port), {
				from: text('fromEmail'),
				to,
				subject: text('subject'),
				text: text('text'),
			});
			output.push({ json: { accepted: to, rejected: [], response }, pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}
