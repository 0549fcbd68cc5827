'use strict';

/**
 * Copies the non-TypeScript assets n8n loads at runtime into dist/, next to the
 * compiled .js files (tsc only emits what it compiles):
 *   - node and credential icons: nodes/**, credentials/** *.svg / *.png
 *   - node codex files: nodes/** *.node.json (never imported, so tsc skips them)
 *
 * `base: '.'` keeps the path relative to the repo root, so
 * nodes/ComplyCube/complyCube.svg -> dist/nodes/ComplyCube/complyCube.svg.
 * `encoding: false` (gulp 5 / vinyl-fs 4) disables the default UTF-8 decoding,
 * so binary files such as PNGs are copied byte for byte.
 *
 * Used by the package.json script: "build": "tsc -p tsconfig.json && gulp build:icons".
 */

const { src, dest, task } = require('gulp');

const ASSET_GLOBS = [
	'nodes/**/*.{svg,png}',
	'credentials/**/*.{svg,png}',
	'nodes/**/*.node.json',
];

function copyIconsAndCodex() {
	return src(ASSET_GLOBS, { base: '.', encoding: false, allowEmpty: true }).pipe(dest('dist'));
}

task('build:icons', copyIconsAndCodex);
