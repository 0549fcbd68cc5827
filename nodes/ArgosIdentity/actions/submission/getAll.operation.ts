import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredText } from '../../../shared/parameters/parameters';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { argosGetMany } from '../../transport/pagination';
import { requestTypeOption } from './fields';
import { requestTypeQuery } from './request-type';

const shownFor = (searchBy: string) => ({ show: { searchBy: [searchBy] } });

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		default: 'userId',
		description: 'Which submissions to list',
		options: [
			{ name: 'User ID', value: 'userId', description: 'The submissions of one user ID (the userid your system gave Argos)' },
			{ name: 'Email', value: 'email', description: 'The submissions made with one e-mail address' },
			{ name: 'Date Range', value: 'dateRange', description: 'The submissions created between two days' },
			{ name: 'All', value: 'all', description: 'Every submission of the project' },
		],
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: shownFor('userId'),
		description: 'The user ID the submissions were made with',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		displayOptions: shownFor('email'),
		description: 'The e-mail address the submissions were made with',
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: shownFor('dateRange'),
		description: 'The first day (inclusive); only the date is sent',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: shownFor('dateRange'),
		description: 'The last day (inclusive); only the date is sent',
	},
	...returnAllFields(),
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [requestTypeOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['submission'], operation: ['getAll'] } }, properties);

/** A day as Argos takes it, YYYY-MM-DD [GET-SUB], from the date picker's value, an ISO string or a date object. */
function day(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value: unknown = ctx.getNodeParameter(name, itemIndex, '');
	const text = value instanceof Date ? value.toISOString() : String((value as { toISO?: () => string })?.toISO?.() ?? value ?? '').trim();
	if (!text) throw new InputRefusal(`${label} is empty`, `Set ${label}; if it comes from an expression, check that the expression finds a date for this item.`);
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	const parsed = match ? new Date(`${match[1]}T00:00:00Z`) : new Date(text);
	if (Number.isNaN(parsed.getTime())) throw new InputRefusal(`${label} '${text}' is not a date`, `Set ${label} to a date such as 2025-03-04.`);
	return match ? match[1] : parsed.toISOString().slice(0, 10);
}

/** The query of the chosen Search By, and only its fields. */
function filtersOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const searchBy = ctx.getNodeParameter('searchBy', itemIndex, 'userId') as string;
	if (searchBy === 'userId') return { userid: requiredText(ctx, 'userId', 'User ID', itemIndex) };
	if (searchBy === 'email') return { email: requiredText(ctx, 'email', 'Email', itemIndex) };
	if (searchBy === 'dateRange') {
		const start = day(ctx, 'startDate', 'Start Date', itemIndex);
		const end = day(ctx, 'endDate', 'End Date', itemIndex);
		if (start > end)
			throw new InputRefusal(`Start Date ${start} is after End Date ${end}`, 'Swap the two dates: the range runs from Start Date to End Date, both included.');
		return { start_date: start, end_date: end };
	}
	if (searchBy === 'all') return {};
	throw new InputRefusal(`Search By '${searchBy}' is not one the node offers`, 'Use userId, email, dateRange or all.');
}

/** GET /submission by userid, email, start_date/end_date or nothing, walking its nextpageKey pages [GET-SUB] [GET-SUB-GB]. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	return await argosGetMany(ctx, itemIndex, { ...filtersOf(ctx, itemIndex), ...requestTypeQuery(ctx, itemIndex) });
}
