// @ts-check
// The spec's webhook vectors live in dev/ (the e2e suite and the recording server use them too);
// this path stays for the simulator's tests.
module.exports = require('../../dev/spec-vectors');
