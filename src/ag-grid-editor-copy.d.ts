// The editor's own copy of ag-grid (an alias in vite.config.ts; see src/lib/grid/edit-modules.ts).
declare module 'ag-grid-community/editor-copy' {
	export * from 'ag-grid-community';
}
