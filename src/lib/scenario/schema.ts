/**
 * The scenario format (brief §2). One schema, and the TypeScript types are inferred from it so
 * the two can never drift. Cross-references (unknown ids, duplicates) are checked in
 * `references.ts`, because valibot validates one value at a time.
 */
import * as v from 'valibot';

export const STANCES = ['support', 'conditional', 'oppose'] as const;
export const DIRECTIONS = ['helps', 'hurts', 'unclear'] as const;
export const SOURCE_KINDS = ['op-ed', 'analysis', 'news-explainer', 'news-report'] as const;
export const COMMENTATOR_KINDS = [
	'analyst',
	'official',
	'journalist',
	'outlet',
	'unnamed'
] as const;

/**
 * How likely the source says the consequence is, in the seven steps of US intelligence standards
 * (ICD 203, "Analytic Standards", 2015), least to most likely. Only ever copied from a source's
 * own words: the tool never infers it.
 */
export const LIKELIHOODS = [
	'almost no chance',
	'very unlikely',
	'unlikely',
	'roughly even chance',
	'likely',
	'very likely',
	'almost certain'
] as const;
/** The confidence the source states in its judgement (ICD 203's three levels). */
export const CONFIDENCES = ['low', 'moderate', 'high'] as const;
/** What the source rests the claim on, as it says; "not stated" when it does not say. */
export const BASES = [
	'figures',
	'historical comparison',
	'expert judgement',
	'official statement',
	'not stated'
] as const;

/**
 * The largest scenario accepted, from a file or an address (the large benchmark scenario, 20,000
 * claims, is about 12 MiB of JSON): past it a file is refused before it is read.
 */
export const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;

/** The message for a file past the limit, the same from the loader, a file and an address. */
export function tooLarge(bytes: number): string {
	return `file is ${(bytes / 1048576).toFixed(1)} MiB; the limit is ${MAX_SCENARIO_BYTES / 1048576} MiB`;
}

/** What the data says where a source is silent: shown to people as is, never replaced by a guess. */
export const NOT_STATED = 'not stated';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Full date, year-month, or year alone: sources sometimes give no day. */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isCalendarDate(value: string): boolean {
	const m = PARTIAL_DATE.exec(value);
	if (!m) return false;
	const month = m[2] === undefined ? 1 : Number(m[2]);
	const day = m[3] === undefined ? 1 : Number(m[3]);
	if (month < 1 || month > 12 || day < 1) return false;
	const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
	return day <= last;
}

export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/** C0 and C1 controls other than tab and line breaks, and DEL: no prose holds them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Half of a surrogate pair without its other half: not a character at all (a JSON `\ud800`). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Text that shows nothing: white space, zero-width spaces and joiners, soft hyphens, marks. */
const INVISIBLE = /^[\s\p{Default_Ignorable_Code_Point}]*$/u;

export const NO_CONTROL = 'expected printable text without control characters';
export const NO_LONE_SURROGATE =
	'expected valid Unicode text (a lone UTF-16 surrogate, half of a character, is not text)';
export const NOT_INVISIBLE = 'expected visible text; got only invisible characters';

/** Characters as people count them, roughly: Unicode code points (an emoji is one, not two). */
export function characters(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) n++;
		else {
			const d = text.charCodeAt(i + 1);
			n++;
			if (d >= 0xdc00 && d <= 0xdfff) i++;
		}
	}
	return n;
}

const atMost = (max: number) =>
	v.check(
		(s: string) => s.length <= max || characters(s) <= max,
		`expected at most ${max} characters`
	);

/** Where the first offending character is, as "U+001B at character 5", for a message. */
function firstMatch(re: RegExp): (s: string) => string {
	return (s) => {
		const at = s.search(re);
		const code = s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
		return `U+${code} at character ${characters(s.slice(0, at)) + 1}`;
	};
}

/**
 * What a check's message is followed by ("; got ..."), by message: a position, not the value.
 * (Length checks say `got N` characters, worked out by the loader.)
 */
export const CHECK_DETAIL: ReadonlyMap<string, (input: string) => string> = new Map([
	[NO_CONTROL, firstMatch(CONTROL)],
	[NO_LONE_SURROGATE, firstMatch(LONE_SURROGATE)],
	[NOT_INVISIBLE, () => '']
]);

/** Checks every piece of text from a file passes: printable, whole characters, at most `max`. */
const plain = (max: number) =>
	[
		v.check((s: string) => !CONTROL.test(s), NO_CONTROL),
		v.check((s: string) => !LONE_SURROGATE.test(s), NO_LONE_SURROGATE),
		atMost(max)
	] as const;

const text = (max: number) =>
	v.pipe(
		v.string('expected text'),
		v.trim(),
		v.minLength(1, 'expected non-empty text'),
		v.check((s: string) => s === '' || !INVISIBLE.test(s), NOT_INVISIBLE),
		...plain(max)
	);
const optionalText = (max: number) => v.optional(text(max));
const slug = v.pipe(
	v.string('expected an id (text)'),
	v.regex(SLUG, 'expected an id in lowercase letters, digits and hyphens, e.g. "more-sanctions"'),
	v.maxLength(80, 'expected an id of at most 80 characters')
);
const date = v.pipe(
	v.string('expected a date as text, e.g. "2025-09-09" (quote it in YAML)'),
	v.check(isCalendarDate, 'expected a real date as YYYY-MM-DD, YYYY-MM or YYYY')
);
const address = v.union(
	[
		v.literal(NOT_STATED),
		v.pipe(
			v.string(),
			v.maxLength(2000, 'expected an address of at most 2000 characters'),
			v.check((s: string) => !LONE_SURROGATE.test(s), NO_LONE_SURROGATE),
			v.check(isHttpUrl, 'expected an http(s) address')
		)
	],
	`expected an http:// or https:// address, or "${NOT_STATED}"`
);
const picklist = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
	v.picklist(values, `expected ${what}: one of ${values.join(', ')}`);

export const DimensionSchema = v.strictObject({
	id: slug,
	label: text(120),
	/** The goal that "helps" moves towards, so a direction reads the same for every dimension. */
	goal: text(300),
	description: optionalText(2000)
});

export const OptionSchema = v.strictObject({
	id: slug,
	label: text(160),
	description: text(1000)
});

export const SourceSchema = v.strictObject({
	id: slug,
	outlet: text(200),
	title: text(400),
	date,
	/** True when the date is not printed in the source but worked out from it. */
	date_inferred: v.boolean('expected true or false'),
	date_note: optionalText(1000),
	authors: v.union(
		[v.literal(NOT_STATED), v.pipe(v.array(text(200)), v.minLength(1))],
		`expected a list of author names, or "${NOT_STATED}"`
	),
	kind: picklist(SOURCE_KINDS, 'a source kind'),
	url: address,
	/** When the address was last read (YYYY-MM-DD), for citations; absent when not recorded. */
	accessed: v.optional(date),
	notes: optionalText(2000)
});

export const CommentatorSchema = v.strictObject({
	id: slug,
	name: text(200),
	role: text(400),
	affiliation: text(400),
	kind: picklist(COMMENTATOR_KINDS, 'a commentator kind')
});

/** W3C Web Annotation TextQuoteSelector: enough to find the passage again and to link to it. */
export const QuoteSchema = v.strictObject({
	exact: text(3000),
	prefix: v.pipe(v.string('expected text (may be empty)'), ...plain(200)),
	suffix: v.pipe(v.string('expected text (may be empty)'), ...plain(200))
});

export const EffectSchema = v.strictObject({
	dimension: slug,
	direction: picklist(DIRECTIONS, 'a direction')
});

export const ClaimSchema = v.strictObject({
	id: slug,
	option: slug,
	commentator: slug,
	source: slug,
	stance: picklist(STANCES, 'a stance'),
	consequence: text(600),
	/** Optional, for a quick coding: absent reads as no effects stated (an empty list). */
	effects: v.optional(v.array(EffectSchema, 'expected a list of {dimension, direction}'), () => []),
	quote: QuoteSchema,
	/** Optional, and only where the source states them; absent means the source does not say. */
	likelihood: v.optional(picklist(LIKELIHOODS, 'a likelihood in the words of ICD 203')),
	confidence: v.optional(picklist(CONFIDENCES, 'a stated confidence')),
	basis: v.optional(picklist(BASES, 'a basis')),
	note: optionalText(2000)
});

export const MetaSchema = v.strictObject({
	id: slug,
	title: text(200),
	question: text(400),
	as_of: date,
	coded_by: text(200),
	method: text(6000)
});

export const ScenarioSchema = v.strictObject({
	meta: MetaSchema,
	/** Optional, like claims' effects: absent reads as an empty list. */
	dimensions: v.optional(v.array(DimensionSchema, 'expected a list of dimensions'), () => []),
	options: v.pipe(v.array(OptionSchema, 'expected a list of options'), v.minLength(1)),
	sources: v.pipe(v.array(SourceSchema, 'expected a list of sources'), v.minLength(1)),
	commentators: v.pipe(
		v.array(CommentatorSchema, 'expected a list of commentators'),
		v.minLength(1)
	),
	claims: v.array(ClaimSchema, 'expected a list of claims')
});

export type Scenario = v.InferOutput<typeof ScenarioSchema>;
export type Meta = Scenario['meta'];
export type Dimension = v.InferOutput<typeof DimensionSchema>;
export type Option = v.InferOutput<typeof OptionSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Commentator = v.InferOutput<typeof CommentatorSchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type Quote = v.InferOutput<typeof QuoteSchema>;
export type Effect = v.InferOutput<typeof EffectSchema>;
export type Stance = (typeof STANCES)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Likelihood = (typeof LIKELIHOODS)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type Basis = (typeof BASES)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type CommentatorKind = (typeof COMMENTATOR_KINDS)[number];
