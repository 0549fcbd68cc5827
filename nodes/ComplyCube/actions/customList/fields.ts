import { idField } from '../shared/fields';

export const customListIdField = idField('customListId', 'Custom List ID', 'The custom list (made in the ComplyCube portal; Custom List → Get Many lists them)');
