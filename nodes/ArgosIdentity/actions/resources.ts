import type { Resource } from '../../shared/items/resources';
import * as amlMonitoring from './amlMonitoring/AmlMonitoring.resource';
import * as amlReport from './amlReport/AmlReport.resource';
import * as image from './image/Image.resource';
import * as submission from './submission/Submission.resource';
import * as token from './token/Token.resource';
import * as verificationLink from './verificationLink/VerificationLink.resource';

/** Every resource of the Argos Identity node, in the order the Resource list shows them. */
export const resources: Resource[] = [
	{ name: 'AML Monitoring', value: 'amlMonitoring', ...amlMonitoring },
	{ name: 'AML Report', value: 'amlReport', ...amlReport },
	{ name: 'Image', value: 'image', ...image },
	{ name: 'Submission', value: 'submission', ...submission },
	{ name: 'Token', value: 'token', ...token },
	{ name: 'Verification Link', value: 'verificationLink', ...verificationLink },
];
