#!/usr/bin/env node
// Entry for every role of the one build: `lindung start`, `lindung db migrate`, `lindung users add` …
// tsx compiles the TypeScript sources on the fly (see docs/decisions.md: no separate server build step).
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
