import type { Resource } from '../../shared/items/resources';
import * as address from './address/Address.resource';
import * as check from './check/Check.resource';
import * as client from './client/Client.resource';
import * as company from './company/Company.resource';
import * as customList from './customList/CustomList.resource';
import * as document from './document/Document.resource';
import * as flowSession from './flowSession/FlowSession.resource';
import * as livePhoto from './livePhoto/LivePhoto.resource';
import * as liveVideo from './liveVideo/LiveVideo.resource';
import * as report from './report/Report.resource';
import * as workflowSession from './workflowSession/WorkflowSession.resource';

/** Every resource of the ComplyCube node, in the order the Resource list shows them. */
export const resources: Resource[] = [
	{ name: 'Address', value: 'address', ...address },
	{ name: 'Check', value: 'check', ...check },
	{ name: 'Client', value: 'client', ...client },
	{ name: 'Company', value: 'company', ...company },
	{ name: 'Custom List', value: 'customList', ...customList },
	{ name: 'Document', value: 'document', ...document },
	{ name: 'Live Photo', value: 'livePhoto', ...livePhoto },
	{ name: 'Live Video', value: 'liveVideo', ...liveVideo },
	{ name: 'Report', value: 'report', ...report },
	{ name: 'Verification Link', value: 'flowSession', ...flowSession },
	{ name: 'Workflow Session', value: 'workflowSession', ...workflowSession },
];
