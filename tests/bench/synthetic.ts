/**
 * Synthetic scenarios for the benchmark and for tests that need volume: seeded and deterministic
 * (same size and seed, same scenario, on any machine), valid per the schema, and shaped like the
 * reference scenario (text lengths, stance mix, several claims in some cells, commentators that
 * fall into camps) so that timings on them say something about real files.
 */
import type {
	Claim,
	Commentator,
	CommentatorKind,
	Dimension,
	Direction,
	Effect,
	Option,
	Scenario,
	Source,
	SourceKind,
	Stance
} from '../../src/lib/scenario/schema';

export interface SyntheticSize {
	options: number;
	commentators: number;
	claims: number;
	/** Six, like the reference scenario, when absent. */
	dimensions?: number;
	/** One source per four commentators, like the reference scenario, when absent. */
	sources?: number;
}

/** The benchmark's three sizes (issue 6); `small` is the reference scenario's size. */
export const SIZES = {
	small: { options: 7, commentators: 15, claims: 40 },
	medium: { options: 50, commentators: 100, claims: 2_000 },
	large: { options: 200, commentators: 500, claims: 20_000 }
} as const satisfies Record<string, SyntheticSize>;

export type SizeName = keyof typeof SIZES;

/** mulberry32: tiny, fast, and identical on every engine, unlike Math.random. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// Vocabulary of the policy-commentary register the reference scenario is written in, with a few
// words that exercise quoting and non-ASCII handling (commas come from the sentence builder).
const WORDS = [
	'sanctions',
	'negotiations',
	'ceasefire',
	'escalation',
	'alliance',
	'deterrence',
	'settlement',
	'pressure',
	'Kremlin',
	'Europe',
	'Washington',
	'Kyiv',
	'front',
	'artillery',
	'drones',
	'tariffs',
	'oil',
	'revenue',
	'economy',
	'leverage',
	'guarantees',
	'security',
	'troops',
	'aid',
	'budget',
	'talks',
	'summit',
	'envoy',
	'coalition',
	'partners',
	'risk',
	'costs',
	'unity',
	'war',
	'peace',
	'border',
	'territory',
	'concessions',
	'winter',
	'energy',
	'grid',
	'missiles',
	'air',
	'defence',
	'the',
	'a',
	'of',
	'and',
	'to',
	'will',
	'would',
	'could',
	'not',
	'more',
	'less',
	'only',
	'if',
	'because',
	'while',
	'than',
	'its',
	'their',
	'this',
	'that',
	'must',
	'may',
	'likely',
	'unlikely',
	'weeks',
	'months',
	'years',
	'credible',
	'limited',
	'broader',
	'direct',
	'secondary',
	'frozen',
	'assets',
	'reparations',
	'loan',
	'Zelensky’s',
	'Moscow’s',
	'Brussels',
	'Bundestag',
	'Élysée',
	'“leverage”',
	'off-ramp',
	'long-range',
	'so-called'
] as const;

/**
 * A long tail of rare proper nouns (places, people, programmes), as real commentary has: a
 * search for one of them narrows 20,000 claims to a handful, as a search for a name would.
 */
const SYLLABLES = ['ka', 'ro', 'vel', 'ti', 'mar', 'shen', 'do', 'lu', 'bra', 'nik', 'os', 'zan'];
const RARE = Array.from({ length: 1728 }, (_, i) => {
	const word =
		SYLLABLES[i % 12]! + SYLLABLES[Math.floor(i / 12) % 12]! + SYLLABLES[Math.floor(i / 144)]!;
	return word[0]!.toUpperCase() + word.slice(1);
});

const FIRST = ['Ana', 'Mark', 'Olena', 'James', 'Ines', 'Pavel', 'Sofia', 'Tomás', 'Li', 'Noor'];
const LAST = ['Novak', 'Hughes', 'Kovalenko', 'Dubois', 'García', 'Schmidt', 'O’Brien', 'Sato'];
const OUTLETS = ['Gazette', 'Review', 'Monitor', 'Dispatch', 'Herald', 'Quarterly', 'Institute'];
const ROLES = [
	'Senior Fellow',
	'Director of Military Analysis',
	'former ambassador',
	'columnist',
	'defence correspondent',
	'professor of international relations',
	'not stated'
];
const SOURCE_KINDS: readonly SourceKind[] = ['op-ed', 'analysis', 'news-explainer', 'news-report'];
const COMMENTATOR_KINDS: readonly CommentatorKind[] = [
	'analyst',
	'analyst',
	'analyst',
	'official',
	'journalist',
	'outlet',
	'unnamed'
];
const STANCES: readonly Stance[] = ['support', 'conditional', 'oppose'];
/** Commentators fall into this many camps, each with a leaning per option. */
const CAMPS = 4;

class Generator {
	readonly random: () => number;
	constructor(seed: number) {
		this.random = seededRandom(seed);
	}

	int(below: number): number {
		return Math.floor(this.random() * below);
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)]!;
	}

	/** Roughly normal around `mean`, clamped: text lengths cluster like real quotes do. */
	length(mean: number, min: number, max: number): number {
		const r = (this.random() + this.random() + this.random()) / 3;
		return Math.max(min, Math.min(max, Math.round(mean * 2 * r)));
	}

	/** Sentences of words up to `chars` characters, with commas and a capital after each stop. */
	prose(chars: number): string {
		let out = '';
		let capital = true;
		while (out.length < chars) {
			let word: string = this.random() < 0.03 ? this.pick(RARE) : this.pick(WORDS);
			if (capital) word = word[0]!.toUpperCase() + word.slice(1);
			capital = false;
			const roll = this.random();
			const mark = roll < 0.08 ? '.' : roll < 0.16 ? ',' : '';
			if (mark === '.') capital = true;
			out += (out ? ' ' : '') + word + mark;
		}
		// Cut at a word boundary, as a person would end the sentence.
		const cut = out.lastIndexOf(' ', chars);
		out = (cut > 0 ? out.slice(0, cut) : out.slice(0, chars)).replace(/[,.\s]+$/, '');
		return /[.]$/.test(out) ? out : out + '.';
	}

	slug(prefix: string, index: number): string {
		const word = this.pick(WORDS)
			.toLowerCase()
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z]+/g, '-')
			.replace(/^-+|-+$/g, '');
		return `${prefix}-${word || 'x'}-${index + 1}`;
	}
}

function dimensionsOf(g: Generator, count: number): Dimension[] {
	return Array.from({ length: count }, (_, i) => ({
		id: g.slug('dim', i),
		label: g.prose(g.length(14, 6, 40)).replace(/\.$/, ''),
		goal: g.prose(g.length(55, 20, 120)).replace(/\.$/, '')
	}));
}

function optionsOf(g: Generator, count: number): Option[] {
	return Array.from({ length: count }, (_, i) => ({
		id: g.slug('opt', i),
		label: g.prose(g.length(43, 12, 120)).replace(/\.$/, ''),
		description: g.prose(g.length(140, 40, 400))
	}));
}

function sourcesOf(g: Generator, count: number): Source[] {
	return Array.from({ length: count }, (_, i) => {
		const id = g.slug('src', i);
		const month = 1 + g.int(12);
		const day = 1 + g.int(28);
		const inferred = g.random() < 0.2;
		const source: Source = {
			id,
			outlet: `The ${g.pick(LAST)} ${g.pick(OUTLETS)}`,
			title: g.prose(g.length(65, 20, 160)).replace(/\.$/, ''),
			date: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
			date_inferred: inferred,
			authors: g.random() < 0.15 ? 'not stated' : [`${g.pick(FIRST)} ${g.pick(LAST)}`],
			kind: g.pick(SOURCE_KINDS),
			url: g.random() < 0.1 ? 'not stated' : `https://example.org/${id}/${g.int(100000)}`
		};
		if (inferred) source.date_note = g.prose(g.length(90, 30, 200));
		if (g.random() < 0.5) source.notes = g.prose(g.length(160, 40, 400));
		return source;
	});
}

function commentatorsOf(g: Generator, count: number): Commentator[] {
	return Array.from({ length: count }, (_, i) => ({
		id: g.slug('com', i),
		name: `${g.pick(FIRST)} ${g.pick(LAST)}`,
		role: g.pick(ROLES),
		affiliation: `The ${g.pick(LAST)} ${g.pick(OUTLETS)}`,
		kind: g.pick(COMMENTATOR_KINDS)
	}));
}

function effectsOf(g: Generator, dimensions: readonly Dimension[], stance: Stance): Effect[] {
	// One effect per claim mostly; a few bear on two dimensions, never the same one twice.
	const count = Math.min(dimensions.length, g.random() < 0.06 ? 2 : 1);
	const first = g.int(dimensions.length);
	const lean: Direction =
		stance === 'support' ? 'helps' : stance === 'oppose' ? 'hurts' : 'unclear';
	return Array.from({ length: count }, (_, k) => ({
		dimension: dimensions[(first + k) % dimensions.length]!.id,
		direction: g.random() < 0.8 ? lean : g.pick(['helps', 'hurts', 'unclear'] as const)
	}));
}

function claimsOf(
	g: Generator,
	count: number,
	options: readonly Option[],
	commentators: readonly Commentator[],
	homeSource: readonly string[],
	dimensions: readonly Dimension[]
): Claim[] {
	const camp = commentators.map(() => g.int(CAMPS));
	const leaning = options.map(() => Array.from({ length: CAMPS }, () => g.pick(STANCES)));
	// Some options are argued about far more than others: a squared draw skews towards the first.
	const optionOf = () => Math.floor(g.random() ** 2 * options.length);
	return Array.from({ length: count }, (_, i) => {
		// Every commentator speaks at least once while claims last, then at random.
		const c = i < commentators.length ? i : g.int(commentators.length);
		const o = i < options.length ? i : optionOf();
		const stance = g.random() < 0.7 ? leaning[o]![camp[c]!]! : g.pick(STANCES);
		const exact = g.prose(g.length(180, 40, 600));
		const claim: Claim = {
			id: `claim-${i + 1}`,
			option: options[o]!.id,
			commentator: commentators[c]!.id,
			source: homeSource[c]!,
			stance,
			consequence: g.prose(g.length(106, 30, 300)),
			effects: effectsOf(g, dimensions, stance),
			quote: {
				exact,
				prefix: g.random() < 0.05 ? '' : g.prose(40).slice(-32),
				suffix: g.random() < 0.05 ? '' : ' ' + g.prose(40).slice(0, 31)
			}
		};
		if (g.random() < 0.7) claim.note = g.prose(g.length(150, 30, 500));
		return claim;
	});
}

/** A valid scenario of the given size; `seed` picks one of many equally plausible ones. */
export function syntheticScenario(size: SizeName | SyntheticSize, seed = 1): Scenario {
	const wanted: SyntheticSize = typeof size === 'string' ? SIZES[size] : size;
	if (wanted.options < 1 || wanted.commentators < 1 || wanted.claims < 0) {
		throw new RangeError('a scenario needs at least one option and one commentator');
	}
	const g = new Generator(seed);
	const dimensions = dimensionsOf(g, Math.max(1, wanted.dimensions ?? 6));
	const options = optionsOf(g, wanted.options);
	const sourceCount = Math.max(1, wanted.sources ?? Math.round(wanted.commentators / 4));
	const sources = sourcesOf(g, sourceCount);
	const commentators = commentatorsOf(g, wanted.commentators);
	const homeSource = commentators.map((_, i) => sources[i % sources.length]!.id);
	const name = typeof size === 'string' ? size : `${wanted.options}x${wanted.commentators}`;
	return {
		meta: {
			id: `synthetic-${name}-${seed}`,
			title: `Synthetic scenario (${name}, seed ${seed})`,
			question: g.prose(g.length(90, 30, 300)).replace(/\.$/, '?'),
			as_of: '2025-10-01',
			coded_by: 'Stancegrid benchmark generator',
			method: `Generated by src/lib/bench/synthetic.ts with seed ${seed}; invented text, no real source. ${g.prose(1500)}`
		},
		dimensions,
		options,
		sources,
		commentators,
		claims: claimsOf(g, wanted.claims, options, commentators, homeSource, dimensions)
	};
}
