/** The credentials the example workflows refer to, by type: the ids and names in examples/*.json. */
export const EXAMPLE_CREDENTIALS: Record<string, { id: string; name: string }> = {
	complyCubeApi: { id: 'idUploadsComplyCube', name: 'ComplyCube (local emulator)' },
	argosIdentityApi: { id: 'idUploadsArgos', name: 'Argos Identity (local emulator)' },
	crafterProfileApi: { id: 'idUploadsCrafter', name: 'Crafter Profile (local emulator)' },
	smtp: { id: 'idUploadsMailSink', name: 'Mail sink (local)' },
};
