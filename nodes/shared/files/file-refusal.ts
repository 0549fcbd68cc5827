/** A file the service would refuse: the message says what is wrong, the description what to do. */
export class FileRefusal extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'FileRefusal';
	}
}
