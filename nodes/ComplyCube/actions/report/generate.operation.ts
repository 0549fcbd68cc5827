import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { FILE_KINDS, sniffFileKind } from '../../../shared/files/file-type';
import { UnexpectedAnswerError } from '../../../shared/http/service-error';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { outputBinaryField } from '../../../shared/parameters/binary-property';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { downloadContentUrl, isContentUrl } from '../../transport/content-url';
import { checkIdField, clientIdField, workflowSessionIdField } from '../shared/fields';

/** What a report can be about: its query parameter (= the ID parameter), its label, and the word in the file name. */
const SUBJECTS = {
	client: { idName: 'clientId', label: 'Client ID', fileWord: 'client' },
	check: { idName: 'checkId', label: 'Check ID', fileWord: 'check' },
	workflowSession: { idName: 'workflowSessionId', label: 'Workflow Session ID', fileWord: 'workflow-session' },
} as const;
type Subject = keyof typeof SUBJECTS;

const properties: INodeProperties[] = [
	{
		displayName: 'Report For',
		name: 'reportFor',
		type: 'options',
		options: [
			{ name: 'Check', value: 'check', description: 'The outcome of one check (once it has left pending)' },
			{ name: 'Client', value: 'client', description: 'Everything ComplyCube holds on the client' },
			{ name: 'Workflow Session', value: 'workflowSession', description: 'One run of a workflow, with its checks' },
		],
		default: 'client',
	},
	{ ...clientIdField, displayOptions: { show: { reportFor: ['client'] } } },
	{ ...checkIdField, displayOptions: { show: { reportFor: ['check'] } } },
	{ ...workflowSessionIdField, displayOptions: { show: { reportFor: ['workflowSession'] } } },
	outputBinaryField(),
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['generate'] } }, properties);

/**
 * GET /reports?clientId= | checkId= | workflowSessionId=: ComplyCube answers `{contentType, data}`, where data is
 * the PDF as base64 or (workflow session reports) a URL to download it from within 10 minutes. The PDF goes into
 * a binary; an answer whose bytes are not a PDF is refused.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const reportFor = ctx.getNodeParameter('reportFor', itemIndex) as Subject;
	const subject = SUBJECTS[reportFor] ?? SUBJECTS.client;
	const id = requiredId(ctx, subject.idName, subject.label, itemIndex);
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Put Output File in Field', itemIndex);

	const answer = await complyCubeApiRequest(ctx, {
		method: 'GET',
		path: '/reports',
		qs: { [subject.idName]: id },
		idempotent: true,
		itemIndex,
		transfer: true,
	});
	if (typeof answer.data !== 'string' || !answer.data) throw new UnexpectedAnswerError('ComplyCube', 200, answer, 'a PDF report in data');
	// Client and check reports carry the PDF as base64; a workflow session report carries a content URL to fetch it from.
	const fromUrl = isContentUrl(answer.data);
	const bytes = fromUrl ? await downloadContentUrl(ctx, answer.data, itemIndex) : Buffer.from(answer.data, 'base64');
	if (sniffFileKind(bytes) !== 'pdf') {
		const what = fromUrl ? 'a PDF file behind the content URL in data' : 'a PDF file in data';
		throw new UnexpectedAnswerError('ComplyCube', 200, { contentType: answer.contentType, size: bytes.length }, what);
	}

	const { mimeType, extension } = FILE_KINDS.pdf;
	const fileName = `complycube-${subject.fileWord}-report-${id.replace(/[^A-Za-z0-9_-]/g, '_')}.${extension}`;
	const binary = await ctx.helpers.prepareBinaryData(bytes, fileName, mimeType);
	return {
		json: { reportFor, [subject.idName]: id, fileName, contentType: mimeType, size: bytes.length },
		binary: { [binaryPropertyName]: binary },
	};
}
