import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { UnexpectedAnswerError } from '../../../shared/http/service-error';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { outputBinaryField } from '../../../shared/parameters/binary-property';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { ARGOS, argosRead } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['amlReport'], operation: ['get'] } }, [
	{
		displayName: 'Resource ID',
		name: 'resourceId',
		type: 'string',
		default: '',
		required: true,
		description: "The AML match to report on: a resourceId from the submission's AML data (Submission → Get), made only for a 'Red Flag' result",
	},
	outputBinaryField(),
]);

const PDF = Buffer.from('%PDF-');

/**
 * GET /report/aml?resourceId= [AML-REPORT]: "returns the AML report file in PDF format directly" (file name
 * report.pdf, application/pdf), into a binary named aml-report-<resourceId>.pdf. A body that is not a PDF is
 * an error rather than a broken file.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const resourceId = requiredId(ctx, 'resourceId', 'Resource ID', itemIndex);
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Put Output File in Field', itemIndex);
	const { bytes } = await argosRead(ctx, { path: '/report/aml', qs: { resourceId }, itemIndex, bytes: true, transfer: true });
	if (!bytes.subarray(0, PDF.length).equals(PDF)) throw new UnexpectedAnswerError(ARGOS, 200, bytes.subarray(0, 200), 'a PDF report');
	const fileName = `aml-report-${resourceId.replace(/[^\w.-]/g, '_')}.pdf`;
	const binary = await ctx.helpers.prepareBinaryData(bytes, fileName, 'application/pdf');
	return { json: { resourceId, fileName, contentType: 'application/pdf', size: bytes.length }, binary: { [binaryPropertyName]: binary } };
}
