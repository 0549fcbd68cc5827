import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

/** The bytes of a binary a node produced, read back through n8n's binary data service as a later node would. */
export async function binaryBytes(binary: IBinaryData | undefined): Promise<Buffer> {
	if (!binary) throw new Error('The item has no such binary');
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}
