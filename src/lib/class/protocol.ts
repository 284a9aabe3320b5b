/**
 * Class mode's wire format: what the class server accepts and sends, shared by the server (which
 * validates every request body with these valibot schemas) and the pages (which only use the
 * types, so the student's page does not carry valibot). Pure: no Svelte, no DOM, no Node.
 */
import * as v from 'valibot';

/** A student's stance in class: the scenario's three, plus "unsure" (not a position). */
export const CLASS_STANCES = ['support', 'conditional', 'oppose', 'unsure'] as const;
export type ClassStance = (typeof CLASS_STANCES)[number];

/** Before reading, reading, after reading, closed (no more joining or answering). */
export const PHASES = ['before', 'reading', 'after', 'closed'] as const;
export type Phase = (typeof PHASES)[number];
/** The phases students answer in. */
export const ANSWER_PHASES = ['before', 'after'] as const;
export type AnswerPhase = (typeof ANSWER_PHASES)[number];

/**
 * Join codes: 6 characters from 31 that cannot be misread on a projector (no 0/O, 1/I/L):
 * 31^6 = 887,503,681 codes, so with the per-address limit on wrong codes a guesser needs years.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
export const MAX_NAME = 40;
/** Groups smaller than this are not shown, so that no single answer can be read off a number. */
export const MIN_GROUP = 5;

/** What a student typed, as a code: case, spaces and dashes do not matter. */
export function normaliseCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s-]/g, '');
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = v.pipe(v.string('expected an id'), v.maxLength(80), v.regex(SLUG, 'expected an id'));
const uuid = v.pipe(v.string('expected an id'), v.uuid('expected a UUID'));

export const CodeSchema = v.pipe(
	v.string('expected a join code'),
	v.length(CODE_LENGTH, `expected a ${CODE_LENGTH}-character join code`),
	v.regex(new RegExp(`^[${CODE_ALPHABET}]+$`), 'expected a join code of letters and digits')
);

export const CreateSessionSchema = v.strictObject({
	/** The scenario file's text (YAML or JSON), checked with the app's own loader. */
	scenarioText: v.pipe(v.string('expected the scenario as text'), v.minLength(1)),
	/** The file name, for error messages. */
	file: v.optional(v.pipe(v.string(), v.maxLength(200)), 'scenario'),
	namesAllowed: v.optional(v.boolean('expected true or false'), true)
});

export const UpdateSessionSchema = v.strictObject({
	phase: v.optional(v.picklist(PHASES, `expected a phase: one of ${PHASES.join(', ')}`)),
	namesAllowed: v.optional(v.boolean('expected true or false'))
});

export const JoinSchema = v.strictObject({
	code: CodeSchema,
	name: v.optional(v.pipe(v.string('expected a name'), v.trim(), v.maxLength(MAX_NAME)))
});

export const AnswerSchema = v.strictObject({
	/** Made by the student's device: sending the same answer again changes nothing. */
	id: uuid,
	phase: v.picklist(ANSWER_PHASES, 'expected phase before or after'),
	/** Later revisions replace earlier ones; an older one arriving late is ignored. */
	rev: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)),
	stances: v.pipe(
		v.record(slug, v.picklist(CLASS_STANCES, `expected one of ${CLASS_STANCES.join(', ')}`)),
		v.check((r) => Object.keys(r).length <= 500, 'too many options')
	),
	quotes: v.optional(
		v.pipe(
			v.record(slug, slug),
			v.check((r) => Object.keys(r).length <= 500, 'too many options')
		),
		{}
	)
});

export type CreateSession = v.InferOutput<typeof CreateSessionSchema>;
export type UpdateSession = v.InferOutput<typeof UpdateSessionSchema>;
export type JoinRequest = v.InferOutput<typeof JoinSchema>;
export type AnswerRequest = v.InferOutput<typeof AnswerSchema>;

/** One issue of a refused body as `field: message`. */
export function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
	return issues
		.slice(0, 5)
		.map((issue) => {
			const path = issue.path?.map((p) => String(p.key)).join('.');
			return path ? `${path}: ${issue.message}` : issue.message;
		})
		.join('; ');
}

export interface SessionState {
	id: string;
	code: string;
	phase: Phase;
	namesAllowed: boolean;
	expiresAt: string;
	participants: number;
}

/** An answer as the teacher's dashboard receives it: anonymous but for an optional name. */
export interface ClassAnswer {
	/** An opaque id per student in this session, so before and after can be paired. */
	participant: string;
	name: string | null;
	phase: AnswerPhase;
	stances: Record<string, ClassStance>;
	/** Option id -> the claim whose quote weighed most ("after" only). */
	quotes: Record<string, string>;
	seq: number;
}

export interface CreatedSession {
	session: SessionState;
	/** The teacher's secret: sent once, kept in the teacher's browser, never in a link. */
	adminKey: string;
}

export interface Joined {
	session: string;
	participant: string;
	/** The student's own secret for sending answers. */
	token: string;
	phase: Phase;
	namesAllowed: boolean;
}

/** What a student sees of the session's scenario: the options always, the claims from reading on. */
export interface StudentScenario {
	meta: { id: string; title: string; question: string; as_of: string };
	options: { id: string; label: string; description: string }[];
	commentators: { id: string; name: string; role: string }[];
	claims: {
		id: string;
		option: string;
		commentator: string;
		stance: string;
		consequence: string;
		quote: string;
		source: { outlet: string; title: string; url: string };
	}[];
}

/** The body of every refusal: a sentence for people. */
export interface ApiError {
	error: string;
}
