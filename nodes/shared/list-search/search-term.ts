/** A search term as typed in the picker: trimmed, empty when there is none. */
export const searchTerm = (filter?: string) => (filter ?? '').trim();

/** A term matched literally inside a regular expression (a picker's search is text, not a pattern). */
export const literalPattern = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
