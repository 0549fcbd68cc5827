/*
 * The companies the emulator's Company Search finds (ComplyCube searches registries it does not publish).
 * [PHP CompanyTest testSearchCompany] a search for companyName "CLEDARA" in GB answers two companies, each with
 * id, name, registrationNumber, incorporationCountry, incorporationDate, incorporationType, address{line, city,
 * postalCode, country}, active and sourceUrl, and without owners, officers, filings, industryCodes or website;
 * [PHP CompanyTest testGetCompanyDetails] the details of "67625f5f3131343535333733" add owners, officers, filings
 * and industryCodes (their attributes as listed there). The values themselves are made up.
 */

export interface LookupCompany {
	id: string;
	name: string;
	registrationNumber: string;
	incorporationCountry: string;
	incorporationDate: string;
	incorporationType: string;
	address: { line: string; city: string; postalCode: string; country: string };
	active: boolean;
	sourceUrl: string;
	owners: Array<Record<string, unknown>>;
	officers: Array<Record<string, unknown>>;
	filings: Array<Record<string, unknown>>;
	industryCodes: Array<Record<string, unknown>>;
	createdAt: string;
	updatedAt: string;
}

const SEEDED_AT = '2024-12-18T10:00:00.000Z';

const company = (fields: Omit<LookupCompany, 'createdAt' | 'updatedAt' | 'sourceUrl'>): LookupCompany => ({
	...fields,
	sourceUrl: `https://find-and-update.company-information.service.gov.uk/company/${fields.registrationNumber}`,
	createdAt: SEEDED_AT,
	updatedAt: SEEDED_AT,
});

export const LOOKUP_COMPANIES: LookupCompany[] = [
	company({
		id: '67625f5f3131343535333733',
		name: 'CLEDARA LTD',
		registrationNumber: '11455373',
		incorporationCountry: 'GB',
		incorporationDate: '2018-07-09',
		incorporationType: 'Private Limited Company',
		address: { line: '20-22 Wenlock Road', city: 'London', postalCode: 'N1 7GU', country: 'GB' },
		active: true,
		owners: [
			{
				type: 'individual',
				role: 'Person with significant control',
				entityType: 'person',
				entityName: 'Jane Example',
				ownershipType: 'ownership-of-shares-75-to-100-percent',
				firstName: 'Jane',
				lastName: 'Example',
				dob: { month: 4, year: 1980 },
				nationality: 'GB',
				countryOfResidence: 'GB',
				address: { line: '20-22 Wenlock Road', city: 'London', postalCode: 'N1 7GU', country: 'GB' },
				ownershipStructure: [],
			},
		],
		officers: [
			{ entityName: 'Jane Example', role: 'director', occupation: 'Director', nationality: 'GB', firstName: 'Jane', lastName: 'Example', active: true },
		],
		filings: [
			{
				name: 'Confirmation statement',
				description: 'Confirmation statement made on 9 July 2024',
				type: 'CS01',
				date: '2024-07-09',
				fileUrl: 'https://example.com/cs01.pdf',
			},
		],
		industryCodes: [{ code: '62012', description: 'Business and domestic software development', scheme: 'SIC' }],
	}),
	company({
		id: '67625f5f3132333435363738',
		name: 'CLEDARA HOLDINGS LIMITED',
		registrationNumber: '12345678',
		incorporationCountry: 'GB',
		incorporationDate: '2020-01-15',
		incorporationType: 'Private Limited Company',
		address: { line: '1 Example Street', city: 'Manchester', postalCode: 'M1 1AA', country: 'GB' },
		active: false,
		owners: [],
		officers: [
			{
				entityName: 'John Example',
				role: 'director',
				occupation: 'Company Director',
				nationality: 'GB',
				firstName: 'John',
				lastName: 'Example',
				active: false,
			},
		],
		filings: [],
		industryCodes: [{ code: '64209', description: 'Activities of other holding companies', scheme: 'SIC' }],
	}),
	company({
		id: '75735f5f3938373635343332',
		name: 'PANAMA HOLDINGS INC',
		registrationNumber: '98765432',
		incorporationCountry: 'US',
		incorporationDate: '2011-03-01',
		incorporationType: 'Corporation',
		address: { line: '100 Main Street', city: 'Dover', postalCode: '19901', country: 'US' },
		active: true,
		owners: [],
		officers: [],
		filings: [],
		industryCodes: [],
	}),
];

/** A search result: the company without what only its details hold. */
export function searchView({ owners: _o, officers: _f, filings: _l, industryCodes: _i, ...summary }: LookupCompany) {
	return summary;
}
