import type { ICredentialType, IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

import { ArgosIdentityApi } from '../../credentials/ArgosIdentityApi.credentials';
import { ComplyCubeApi } from '../../credentials/ComplyCubeApi.credentials';
import { CrafterProfileApi } from '../../credentials/CrafterProfileApi.credentials';
import { CrafterProfile } from '../../nodes/CrafterProfile/CrafterProfile.node';
import { ArgosIdentity } from '../../nodes/ArgosIdentity/ArgosIdentity.node';
import { ArgosIdentityTrigger } from '../../nodes/ArgosIdentity/ArgosIdentityTrigger.node';
import { ComplyCube } from '../../nodes/ComplyCube/ComplyCube.node';
import { ComplyCubeTrigger } from '../../nodes/ComplyCube/ComplyCubeTrigger.node';
import { ManualTrigger, NoOp, ReadWriteFile, StickyNote } from './core-nodes';
import { FixtureItems } from './fixture-items.node';
import { EmailSend } from './stand-ins/email-send.node';
import { FormTrigger } from './stand-ins/form-trigger.node';
import { If } from './stand-ins/if.node';

export const PACKAGE_NAME = 'n8n-nodes-identity-uploads';

const types: Record<string, INodeType> = {
	[`${PACKAGE_NAME}.complyCube`]: new ComplyCube(),
	[`${PACKAGE_NAME}.complyCubeTrigger`]: new ComplyCubeTrigger(),
	[`${PACKAGE_NAME}.argosIdentity`]: new ArgosIdentity(),
	[`${PACKAGE_NAME}.argosIdentityTrigger`]: new ArgosIdentityTrigger(),
	[`${PACKAGE_NAME}.crafterProfile`]: new CrafterProfile(),
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'n8n-nodes-base.readWriteFile': new ReadWriteFile(),
	'n8n-nodes-base.stickyNote': new StickyNote(),
	'n8n-nodes-base.noOp': new NoOp(),
	'n8n-nodes-base.if': new If(),
	'n8n-nodes-base.formTrigger': new FormTrigger(),
	'n8n-nodes-base.emailSend': new EmailSend(),
	'n8n-nodes-identity-uploads-test.fixtureItems': new FixtureItems(),
};

export const credentialTypes = new Map<string, ICredentialType>(
	[new ComplyCubeApi(), new ArgosIdentityApi(), new CrafterProfileApi()].map((type) => [type.name, type]),
);

export const nodeTypes: INodeTypes = {
	getByName: (name: string): INodeType | IVersionedNodeType => known(name),
	getByNameAndVersion: (name: string): INodeType => known(name),
	getKnownTypes: (): IDataObject => Object.fromEntries(Object.keys(types).map((name) => [name, {}])),
};

function known(name: string): INodeType {
	const type = types[name];
	if (!type) throw new Error(`Unknown node type ${name}: add it to test/engine/node-types.ts`);
	return type;
}
