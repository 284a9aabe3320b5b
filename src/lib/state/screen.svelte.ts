/**
 * The widths at which the workspace folds, in one place (the components' CSS uses the same
 * numbers): at `phone` the matrix becomes cards and the filter menus fold behind "Filters"; at
 * `narrow` the top bar's actions fold behind "Menu". In the browser their value is right from the
 * first render, so a phone hydrates straight into its own layout and does not build what it hides
 * (issue 17); while prerendering they are false (the laptop layout).
 */
import { MediaQuery } from 'svelte/reactivity';

export const PHONE_QUERY = '(max-width: 640px)';
export const phone = new MediaQuery(PHONE_QUERY, false);
export const narrow = new MediaQuery('(max-width: 760px)', false);
