import type { IDataObject } from 'n8n-workflow';

import { pickFields } from '../../../shared/parameters/simplify';

/**
 * A profile as Simplify gives it: who it is, whether it may sign in, its roles and attributes; without the
 * tenant and the creation and change times (Profile in craftercms/profile api: id, tenant, username, email,
 * verified, enabled, createdOn, lastModified, roles, attributes).
 */
export const simplifyProfile = (profile: IDataObject): IDataObject =>
	pickFields(profile, ['id', 'username', 'email', 'verified', 'enabled', 'roles', 'attributes']);
