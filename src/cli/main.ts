#!/usr/bin/env node
console.log('stratdoc');
