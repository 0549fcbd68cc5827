import { newId, now } from './clock';

/**
 * [PHP CustomListTest custom_list_assertions; Model/CustomList.php, CustomListStats.php] a custom list is
 * {id, name, description?, stats{personCount, companyCount}, createdAt, updatedAt, lastActionBy}; its entities
 * (records) are not returned by the API, only counted. Lists are created in the ComplyCube portal, so the
 * emulator seeds them.
 */
export interface ComplyCubeCustomList {
	id: string;
	name: string;
	description?: string;
	stats: { personCount: number; companyCount: number };
	records: Array<Record<string, unknown>>;
	lastActionBy: string;
	createdAt: string;
	updatedAt: string;
}

export const COMPLYCUBE_DEMO_CUSTOM_LIST_ID = '652e4916dfb98d0008ce7811';

export function seededCustomLists(): Map<string, ComplyCubeCustomList> {
	const createdAt = now();
	const list = (id: string, name: string): ComplyCubeCustomList => ({
		id,
		name,
		stats: { personCount: 0, companyCount: 0 },
		records: [],
		lastActionBy: 'compliance@example.com',
		createdAt,
		updatedAt: createdAt,
	});
	// [PHP CustomListTest testGetCustomList uses "652e4916dfb98d0008ce7811"; testListCustomLists expects more than one]
	return new Map([
		[COMPLYCUBE_DEMO_CUSTOM_LIST_ID, list(COMPLYCUBE_DEMO_CUSTOM_LIST_ID, 'Blocked customers')],
		['652e4916dfb98d0008ce7812', list('652e4916dfb98d0008ce7812', 'Internal fraud list')],
	]);
}

/** A list as the API answers it: without its records. */
export function customListView({ records: _records, ...list }: ComplyCubeCustomList) {
	return list;
}

export function addRecord(list: ComplyCubeCustomList, record: Record<string, unknown>): Record<string, unknown> {
	const stored = { id: newId(), ...record, createdAt: now() };
	list.records.push(stored);
	if (record.entityType === 'person') list.stats.personCount++;
	else list.stats.companyCount++;
	list.updatedAt = now();
	return stored;
}
