// Generates src/api/schema.d.ts (the API types) from the server's OpenAPI description.
//
//   node scripts/gen-api.mjs          regenerate src/api/schema.d.ts
//   node scripts/gen-api.mjs --check  regenerate into a temp file; fail if it differs from the
//                                     committed src/api/schema.d.ts (the types have drifted)
//
// The description comes from `talentbridge openapi` (no database needed): the binary is
// $TB_BINARY, else ../build/release/talentbridge, else ../build/debug/talentbridge.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(webDir, 'src/api/schema.d.ts');
const check = process.argv.includes('--check');

function binary() {
  if (process.env.TB_BINARY) return resolve(process.env.TB_BINARY);
  for (const p of ['../build/release/talentbridge', '../build/debug/talentbridge']) {
    const full = resolve(webDir, p);
    if (existsSync(full)) return full;
  }
  console.error(
    'gen-api: no talentbridge binary: build it (make build) or set TB_BINARY=path/to/talentbridge',
  );
  process.exit(2);
}

const bin = binary();
if (!existsSync(bin)) {
  console.error(`gen-api: TB_BINARY=${bin} does not exist`);
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'tb-gen-api-'));
try {
  const specFile = join(tmp, 'openapi.json');
  const outFile = join(tmp, 'schema.d.ts');
  writeFileSync(specFile, execFileSync(bin, ['openapi'], { maxBuffer: 64 * 1024 * 1024 }));
  execFileSync(
    process.execPath,
    [join(webDir, 'node_modules/openapi-typescript/bin/cli.js'), specFile, '-o', outFile],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const generated = readFileSync(outFile, 'utf8');
  if (check) {
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (committed !== generated) {
      console.error(
        `check:api: src/api/schema.d.ts differs from the types generated from ${bin} openapi.\n` +
          'Run `npm run gen:api` in web/, fix any type errors it causes, and commit the result.',
      );
      process.exit(1);
    }
    console.log(`check:api: src/api/schema.d.ts matches ${bin} openapi`);
  } else {
    writeFileSync(target, generated);
    console.log(`gen:api: wrote src/api/schema.d.ts from ${bin} openapi`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
