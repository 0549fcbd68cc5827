import { InputRefusal } from '../parameters/input-refusal';

/** A file the service would refuse: the message says what is wrong, the description what to do. */
export class FileRefusal extends InputRefusal {
	constructor(message: string, description: string) {
		super(message, description);
		this.name = 'FileRefusal';
	}
}
