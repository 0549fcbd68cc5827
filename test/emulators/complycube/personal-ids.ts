import { invalid } from './errors';

/**
 * The identity numbers a person or a document carries. ComplyCube publishes no format for them: these rules are
 * inferred (what no issued number can look like). A refusal names the field, never the value (personal data).
 */
const ID_NUMBER = /^[A-Za-z0-9](?:[A-Za-z0-9 ./-]{0,48}[A-Za-z0-9])?$/;
// SSA "Social Security Number Randomization": area 000, 666, 900-999, group 00 and serial 0000 are never issued.
const SSN = /^(?!000|666|9\d\d)\d{3}-?(?!00)\d{2}-?(?!0000)\d{4}$/;

export function idNumberRefusal(param: string, value: unknown) {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || !ID_NUMBER.test(value)) return invalid(`"${param}" is not a valid identification number`, param);
	return undefined;
}

export function ssnRefusal(param: string, value: unknown) {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || !SSN.test(value)) return invalid(`"${param}" must be a valid US Social Security Number`, param);
	return undefined;
}

/** The first refusal among a person's identity numbers (personDetails.ssn, …), or undefined. */
export function personIdsRefusal(details: Record<string, unknown>) {
	return (
		ssnRefusal('personDetails.ssn', details.ssn) ??
		idNumberRefusal('personDetails.socialInsuranceNumber', details.socialInsuranceNumber) ??
		idNumberRefusal('personDetails.nationalIdentityNumber', details.nationalIdentityNumber) ??
		idNumberRefusal('personDetails.taxIdentificationNumber', details.taxIdentificationNumber)
	);
}
