#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: tsx compiles on the fly (see bin/cli.ts).
'use strict';
require('tsx/cjs/api').register();
require('./cli.ts');
