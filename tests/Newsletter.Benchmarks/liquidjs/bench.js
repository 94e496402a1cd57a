// Renders the benchmark newsletter (../Liquid/templates) with liquidjs, parse once / render many,
// and prints renders per second. Usage: node bench.js [renders=20000] [--print]
'use strict';
const fs = require('fs');
const path = require('path');
const { Liquid } = require('liquidjs');

const dir = path.join(__dirname, '..', 'Liquid', 'templates');
const read = (name) => fs.readFileSync(path.join(dir, name), 'utf8');
const data = JSON.parse(read('data.json'));
const engine = new Liquid({
  templates: { poll: read('poll.liquid') },
  cache: true,
  timezoneOffset: 0,
});
const template = engine.parse(read('newsletter.liquid'));

const args = process.argv.slice(2);
if (args.includes('--print')) {
  process.stdout.write(engine.renderSync(template, data));
  process.exit(0);
}

const renders = Number(args.find((a) => /^\d+$/.test(a)) || 20000);
let length = 0;
for (let i = 0; i < Math.min(2000, renders); i++) {
  length += engine.renderSync(template, data).length; // warm-up so the JIT has optimised the hot paths
}

const start = process.hrtime.bigint();
for (let i = 0; i < renders; i++) {
  length += engine.renderSync(template, data).length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`liquidjs ${require('liquidjs/package.json').version}: ${renders} renders in ${seconds.toFixed(3)} s`);
console.log(`${Math.round(renders / seconds)} renders/s (output ${Math.round(length / (renders + Math.min(2000, renders)))} chars)`);
