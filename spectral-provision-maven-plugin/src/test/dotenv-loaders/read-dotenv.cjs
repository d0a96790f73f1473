// Reads each .env file named on the command line with the npm dotenv packages of this folder and
// prints, as JSON, {"loaders": {NAME: {FILE: {KEY: hex of the value's UTF-8 bytes}}}}.
// Used by DotEnvLoadersTest; loads into a plain object, never into process.env.
'use strict';
const fs = require('fs');

const loaders = {};
for (const [module, fast] of [['dotenv', false], ['dotenv', true], ['dotenv-16', false]]) {
  const dotenv = require(module);
  const version = require(module + '/package.json').version;
  loaders['dotenv ' + version + (fast ? ' (fast: true)' : '')] = (file) => {
    const target = {};
    const options = { path: file, processEnv: target, quiet: true };
    if (fast) options.fast = true;
    const result = dotenv.config(options);
    if (result.error) throw result.error;
    return target;
  };
}

const hex = (values) => Object.fromEntries(
  Object.entries(values).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('hex')]));
const out = { loaders: {} };
for (const [name, load] of Object.entries(loaders)) {
  out.loaders[name] = {};
  for (const file of process.argv.slice(2)) {
    try {
      out.loaders[name][file] = hex(load(file));
    } catch (e) {
      out.loaders[name][file] = { error: String(e && e.message) };
    }
  }
}
fs.writeSync(1, JSON.stringify(out));
