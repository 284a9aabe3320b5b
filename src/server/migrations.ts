/**
 * The class database's schema, one list of statements per version; never edit an applied one,
 * add a new version. The same SQL runs on PGlite and on PostgreSQL.
 */
export const MIGRATIONS: readonly (readonly string[])[] = [
	[
		`CREATE TABLE class_sessions (
			id uuid PRIMARY KEY,
			code text NOT NULL UNIQUE,
			admin_hash text NOT NULL,
			scenario jsonb NOT NULL,
			phase text NOT NULL CHECK (phase IN ('before', 'reading', 'after', 'closed')),
			names_allowed boolean NOT NULL DEFAULT true,
			version integer NOT NULL DEFAULT 1,
			created_at timestamptz NOT NULL DEFAULT now(),
			expires_at timestamptz NOT NULL
		)`,
		`CREATE TABLE class_participants (
			id uuid PRIMARY KEY,
			session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
			token_hash text NOT NULL,
			display_name text,
			joined_at timestamptz NOT NULL DEFAULT now()
		)`,
		`CREATE INDEX class_participants_session ON class_participants (session_id)`,
		`CREATE SEQUENCE class_answer_seq`,
		// One row per student and phase: a student's answer is replaced by a later revision, so a
		// retried or repeated submission can never count twice.
		`CREATE TABLE class_answers (
			participant_id uuid NOT NULL REFERENCES class_participants (id) ON DELETE CASCADE,
			phase text NOT NULL CHECK (phase IN ('before', 'after')),
			session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
			id uuid NOT NULL,
			rev integer NOT NULL,
			stances jsonb NOT NULL,
			quotes jsonb NOT NULL,
			seq bigint NOT NULL DEFAULT nextval('class_answer_seq'),
			received_at timestamptz NOT NULL DEFAULT now(),
			PRIMARY KEY (participant_id, phase)
		)`,
		`CREATE INDEX class_answers_session_seq ON class_answers (session_id, seq)`
	]
];
