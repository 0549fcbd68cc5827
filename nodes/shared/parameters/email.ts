import { InputRefusal } from './input-refusal';

/** An e-mail address in the shape the services accept (a local part, "@", a domain with a dot), naming the field otherwise. */
export function assertEmail(label: string, value: string): void {
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
		throw new InputRefusal(`${label} '${value}' is not an e-mail address`, `Set ${label} to an address such as jane.doe@example.com.`);
	}
}
