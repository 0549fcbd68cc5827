import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

/**
 * The most one Get Many call returns (README → Limits). Every record becomes an n8n item held in memory, and
 * n8n's own guidance keeps a run well below this; a service that keeps offering pages (a fault, or a list
 * that grows as it is read) would otherwise never let Return All end.
 */
export const MAX_RECORDS = 10_000;
/** The most pages one call asks for: bounds the requests when pages are small or filtered out here. */
export const MAX_PAGES = 500;

export interface PageWalkOptions {
	service: string;
	/** Whether Return All is on (the error names it). */
	returnAll: boolean;
	/** How to narrow this operation's list, as the end of a sentence: "or search by User ID instead of All". */
	narrower: string;
	/** A record's identity, to tell a page that brings nothing new; the whole record when it has none. */
	idOf: (record: IDataObject) => unknown;
}

/**
 * The bounds of one Get Many's page loop: call beforePage() before asking for each page (it refuses a page
 * past the ceiling with an error that names the limit and what to do), then add() with what the page held:
 * it keeps the records not seen before and tells how many were new (0: the page brought nothing new, stop).
 */
export class PageWalk {
	readonly records: IDataObject[] = [];
	private pages = 0;
	private readonly seen = new Set<string>();

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly itemIndex: number,
		private readonly options: PageWalkOptions,
	) {}

	beforePage(): void {
		if (this.records.length >= MAX_RECORDS) throw this.ceiling(`${MAX_RECORDS.toLocaleString('en-US')} records`);
		if (this.pages >= MAX_PAGES) throw this.ceiling(`${MAX_PAGES} pages`);
		this.pages++;
	}

	/** Adds the page's records not seen before (and, of those, the ones `keep` accepts); returns how many were new. */
	add(page: readonly IDataObject[], keep?: (record: IDataObject) => boolean): number {
		let fresh = 0;
		for (const record of page) {
			const id = this.options.idOf(record);
			const key = typeof id === 'string' || typeof id === 'number' ? `id:${id}` : `json:${JSON.stringify(record)}`;
			if (this.seen.has(key)) continue;
			this.seen.add(key);
			fresh++;
			if (!keep || keep(record)) this.records.push(record);
		}
		return fresh;
	}

	private ceiling(limit: string): NodeOperationError {
		const { service, narrower, returnAll } = this.options;
		return new NodeOperationError(
			this.ctx.getNode(),
			`${returnAll ? 'Return All' : 'Get Many'} stopped at ${limit}, the most one call reads, and ${service} still offers more`,
			{
				itemIndex: this.itemIndex,
				description: `Nothing is output for this item, so a partial list is not taken for the whole. ${returnAll ? 'Turn off Return All and set' : 'Set'} Limit to at most ${MAX_RECORDS.toLocaleString('en-US')}, ${narrower}.`,
			},
		);
	}
}
