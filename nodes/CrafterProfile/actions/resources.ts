import type { Resource } from '../../shared/items/resources';
import * as attachment from './attachment/Attachment.resource';
import * as profile from './profile/Profile.resource';

/** Every resource of the Crafter Profile node, in the order the Resource list shows them. */
export const resources: Resource[] = [
	{ name: 'Attachment', value: 'attachment', ...attachment },
	{ name: 'Profile', value: 'profile', ...profile },
];
