import type { Resource } from '../../shared/items/resources';
import * as accountInfo from './accountInfo/AccountInfo.resource';
import * as address from './address/Address.resource';
import * as auditLog from './auditLog/AuditLog.resource';
import * as check from './check/Check.resource';
import * as client from './client/Client.resource';
import * as company from './company/Company.resource';
import * as customList from './customList/CustomList.resource';
import * as document from './document/Document.resource';
import * as flowSession from './flowSession/FlowSession.resource';
import * as livePhoto from './livePhoto/LivePhoto.resource';
import * as liveVideo from './liveVideo/LiveVideo.resource';
import * as report from './report/Report.resource';
import * as staticData from './staticData/StaticData.resource';
import * as teamMember from './teamMember/TeamMember.resource';
import * as workflowSession from './workflowSession/WorkflowSession.resource';

/** Every resource of the ComplyCube node, in the order the Resource list shows them. */
export const resources: Resource[] = [
	{ name: 'Account Info', value: 'accountInfo', ...accountInfo },
	{ name: 'Address', value: 'address', ...address },
	{ name: 'Audit Log', value: 'auditLog', ...auditLog },
	{ name: 'Check', value: 'check', ...check },
	{ name: 'Client', value: 'client', ...client },
	{ name: 'Company', value: 'company', ...company },
	{ name: 'Custom List', value: 'customList', ...customList },
	{ name: 'Document', value: 'document', ...document },
	{ name: 'Live Photo', value: 'livePhoto', ...livePhoto },
	{ name: 'Live Video', value: 'liveVideo', ...liveVideo },
	{ name: 'Report', value: 'report', ...report },
	{ name: 'Static Data', value: 'staticData', ...staticData },
	{ name: 'Team Member', value: 'teamMember', ...teamMember },
	{ name: 'Verification Link', value: 'flowSession', ...flowSession },
	{ name: 'Workflow Session', value: 'workflowSession', ...workflowSession },
];
