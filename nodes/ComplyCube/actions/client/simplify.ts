import type { IDataObject } from 'n8n-workflow';

import { pickFields } from '../../../shared/parameters/simplify';

/**
 * A client as Simplify gives it: who it is and how to reach them. Left out: personDetails / companyDetails
 * (entityName is the full name ComplyCube makes from them), mobile, telephone, metadata, updatedAt
 * ([Docs api-reference/clients "The Client object"]).
 */
export const simplifyClient = (client: IDataObject): IDataObject =>
	pickFields(client, ['id', 'type', 'entityName', 'email', 'externalId', 'joinedDate', 'createdAt']);
