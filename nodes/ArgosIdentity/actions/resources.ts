import type { Resource } from '../../shared/items/resources';
import * as image from './image/Image.resource';
import * as submission from './submission/Submission.resource';
import * as token from './token/Token.resource';
import * as verificationLink from './verificationLink/VerificationLink.resource';

/** Every resource of the Argos Identity node, in the order the Resource list shows them. */
export const resources: Resource[] = [
	{ name: 'Image', value: 'image', ...image },
	{ name: 'Submission', value: 'submission', ...submission },
	{ name: 'Token', value: 'token', ...token },
	{ name: 'Verification Link', value: 'verificationLink', ...verificationLink },
];
