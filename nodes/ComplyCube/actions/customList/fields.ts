import { idLocator } from '../../../shared/parameters/resource-locator';

/** From List searches the account's custom lists by name (methods/listSearch.ts); By ID as before. */
export const customListIdField = idLocator({
	displayName: 'Custom List ID',
	name: 'customListId',
	searchListMethod: 'searchCustomLists',
	idPlaceholder: 'e.g. 652e4916dfb98d0008ce7811',
	description: 'The custom list (made in the ComplyCube portal): pick it by name, or give its ID',
});
