// Build steps tsc cannot do: clean dist/ first, then copy icons and codex files next to the
// compiled nodes so the paths in `icon: 'file:...'` resolve inside the published tarball.
const { src, dest, parallel } = require('gulp');
const fs = require('fs');
const path = require('path');

function clean(done) {
	fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
	done();
}

function copyNodeAssets() {
	return src(['nodes/**/*.{svg,png,json}'], { encoding: false }).pipe(dest('dist/nodes'));
}

function copyCredentialAssets() {
	return src(['credentials/**/*.{svg,png}'], { encoding: false, allowEmpty: true }).pipe(
		dest('dist/credentials'),
	);
}

function copyIcons() {
	return src(['icons/**/*.{svg,png}'], { encoding: false }).pipe(dest('dist/icons'));
}

exports.clean = clean;
exports['build:assets'] = parallel(copyNodeAssets, copyCredentialAssets, copyIcons);
