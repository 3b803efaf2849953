#!/usr/bin/env node
// The `lantu` command: runs the TypeScript server through tsx's loader, so there is no separate compile step.
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
