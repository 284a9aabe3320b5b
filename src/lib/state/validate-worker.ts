/**
 * The editor's validation worker: checks each draft it is sent and answers with its problems, so
 * the loader's work at 1,000 claims never holds the page while someone types.
 */
import { draftProblems } from '../authoring/draft-problems';

interface Request {
	id: number;
	text: string;
	/** Sent when they changed since the last request (they are large and change rarely). */
	articles?: Record<string, string>;
}

let articles: Record<string, string> = {};

self.onmessage = async (event: MessageEvent<Request>) => {
	const { id, text } = event.data;
	if (event.data.articles) articles = event.data.articles;
	try {
		self.postMessage({ id, problems: await draftProblems(text, articles) });
	} catch (err) {
		self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
	}
};
