// Stands in for opencc-js's Simplified→Traditional dictionaries in the
// extension build (see wxt.config.ts): Traditional output is offered by the
// CLI only for now, and the phrase table alone is ~1 MB of engine script.
// An empty dictionary makes the converter an identity, never an error.
export default '';
