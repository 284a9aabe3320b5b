/**
 * Canvas fill patterns, so that a stance (and "no data") is told apart by texture as well as by
 * colour: support solid, conditional dotted, oppose hatched, no shared options cross-hatched grey.
 */
export type PatternKind = 'solid' | 'hatch' | 'dots' | 'cross';

/**
 * A repeating tile of `base` with `mark` drawn over it. `scale` grows the tile with the chart's
 * font size, so the texture stays visible in a 1600 x 900 export.
 */
export function fillPattern(
	kind: PatternKind,
	base: string,
	mark: string,
	scale = 1
): CanvasPattern | string {
	if (kind === 'solid' || typeof document === 'undefined') return base;
	const size = Math.round(10 * scale);
	const tile = document.createElement('canvas');
	tile.width = size;
	tile.height = size;
	const ctx = tile.getContext('2d');
	if (!ctx) return base;
	ctx.fillStyle = base;
	ctx.fillRect(0, 0, size, size);
	ctx.strokeStyle = mark;
	ctx.fillStyle = mark;
	ctx.lineWidth = Math.max(1.5, 2 * scale);
	if (kind === 'dots') {
		ctx.beginPath();
		ctx.arc(size / 2, size / 2, Math.max(1.5, 1.8 * scale), 0, Math.PI * 2);
		ctx.fill();
	} else {
		// A line corner to corner plus the two clipped corner pieces tile without seams.
		const q = size / 4;
		ctx.beginPath();
		ctx.moveTo(0, size);
		ctx.lineTo(size, 0);
		ctx.moveTo(-q, q);
		ctx.lineTo(q, -q);
		ctx.moveTo(size - q, size + q);
		ctx.lineTo(size + q, size - q);
		if (kind === 'cross') {
			ctx.moveTo(0, 0);
			ctx.lineTo(size, size);
			ctx.moveTo(-q, size - q);
			ctx.lineTo(q, size + q);
			ctx.moveTo(size - q, -q);
			ctx.lineTo(size + q, q);
		}
		ctx.stroke();
	}
	return ctx.createPattern(tile, 'repeat') ?? base;
}
