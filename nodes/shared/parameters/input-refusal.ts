/** Input the service would refuse, caught before sending: the message says what is wrong, the description what to do. */
export class InputRefusal extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'InputRefusal';
	}
}
