// oscal-validate.js: validate OSCAL JSON documents against an OSCAL JSON
// schema with ajv (draft-07, patterns with Unicode property classes).
//
//   NODE_PATH=build/oscal/node_modules node tests/clients/oscal-validate.js SCHEMA DOC...
//
// Prints "valid DOC" or each error as "invalid DOC: PATH MESSAGE"; exits 1
// when any document is invalid, 2 on a usage or load error.
'use strict';
const fs = require('fs');
let Ajv, addFormats;
try {
  Ajv = require('ajv');
  addFormats = require('ajv-formats');
} catch (e) {
  console.error('oscal-validate: ajv is not installed (tools/install-oscal-validator)');
  process.exit(2);
}
const [schemaFile, ...docs] = process.argv.slice(2);
if (!schemaFile || docs.length === 0) {
  console.error('usage: oscal-validate.js SCHEMA DOC...');
  process.exit(2);
}
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
let bad = 0;
for (const f of docs) {
  const ok = validate(JSON.parse(fs.readFileSync(f, 'utf8')));
  if (ok) {
    console.log('valid ' + f);
  } else {
    bad++;
    for (const e of validate.errors.slice(0, 20)) {
      console.log('invalid ' + f + ': ' + (e.instancePath || '/') + ' ' + e.message);
    }
  }
}
process.exit(bad ? 1 : 0);
