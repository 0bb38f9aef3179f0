// Validates GET /api/v1/openapi.json with an OpenAPI 3.1 validator and checks the real server's
// responses against the schemas the description itself documents (DESIGN §6).
//
// Starts the server binary (TB_BINARY, default <repo>/build/debug/talentbridge) on a free loopback
// port with a fresh SQLite database and the demo data, and stops it when the tests are done. Every
// route but health, openapi.json and login needs a signed-in caller: the tests log in as the demo
// platform admin (the "demo login: platform_admin EMAIL PASSWORD" line the server prints) and send
// its session cookie, plus the CSRF token on writes.
//
//   cd tests/openapi && npm install && npm test

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..");
const binary = path.resolve(
  process.env.TB_BINARY ?? path.join(repoRoot, "build", "debug", "talentbridge"),
);

const API = "/api/v1";
const STARTUP_TIMEOUT_MS = 120_000;
const REQUEST_TIMEOUT_MS = 30_000;

// Formats the spec uses that are neither JSON Schema formats (ajv-formats knows those) nor checked
// here: the server validates them itself (check characters, official code lists).
const DOMAIN_FORMATS = [
  "credit-code", // unified social credit code, GB 32100
  "gb2260-region", // six-digit administrative division code
  "gb4754-industry", // national economic industry classification code
  "major-code", // undergraduate/vocational major catalogue code
  "mobile", // mainland mobile number
  "id-number", // resident identity card number, GB 11643
];
// Formats registered by the OpenAPI Format Registry.
const OPENAPI_NUMBER_FORMATS = {
  int32: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  int64: (n) => Number.isInteger(n),
  float: (n) => typeof n === "number",
  double: (n) => typeof n === "number",
};
const OPENAPI_STRING_FORMATS = ["password", "byte", "binary"];

let server; // ChildProcess
let serverLog = "";
let serverExit = null; // {code, signal} once it exits
let tmpDir;
let baseUrl;
let spec; // the parsed openapi.json
let session; // {cookie: "tb_session=...", csrf: "..."} of the demo platform admin
let loginResponse; // the {res, text, json, mediaType} of that login, checked against the spec
let ajv;
const SPEC_ID = "urn:talentbridge:openapi";

// ---------------------------------------------------------------------------------------------
// helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tailOfLog(lines = 40) {
  return serverLog.split("\n").slice(-lines).join("\n");
}

async function waitForHealth() {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (serverExit) {
      throw new Error(
        `server exited during start-up (code ${serverExit.code}, signal ${serverExit.signal}); ` +
          `its output:\n${tailOfLog()}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}${API}/health`, { signal: AbortSignal.timeout(5_000) });
      const text = await res.text();
      if (res.status === 200) return;
      last = `${res.status} ${text.slice(0, 300)}`;
    } catch (err) {
      last = String(err.cause?.code ?? err.message);
    }
    await sleep(250);
  }
  throw new Error(
    `GET ${API}/health did not answer 200 within ${STARTUP_TIMEOUT_MS / 1000} s ` +
      `(last: ${last}); server output:\n${tailOfLog()}`,
  );
}

/**
 * Performs a request and returns {res, text, json, mediaType}. Sends the admin session (its cookie,
 * and on writes its CSRF token) unless `anonymous` is set or there is no session yet.
 */
async function request(method, urlPath, { body, headers, anonymous = false } = {}) {
  const sent = { ...(headers ?? {}) };
  if (session && !anonymous) {
    sent.Cookie = session.cookie;
    if (!["GET", "HEAD"].includes(method)) sent["X-CSRF-Token"] = session.csrf;
  }
  const res = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: sent,
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  const contentType = res.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  let json;
  if (mediaType === "application/json" || mediaType.endsWith("+json")) {
    try {
      json = JSON.parse(text);
    } catch (err) {
      assert.fail(`${method} ${urlPath}: body is not JSON (${err.message}): ${text.slice(0, 300)}`);
    }
  }
  return { res, text, json, mediaType };
}

/** JSON pointer escaping (RFC 6901), then URI fragment escaping. */
function pointer(...parts) {
  return (
    "#/" +
    parts
      .map((p) => encodeURIComponent(String(p).replaceAll("~", "~0").replaceAll("/", "~1")))
      .join("/")
  );
}

/** The compiled Ajv validator for the schema of a documented response. */
function responseValidator(routePath, method, status, mediaType) {
  const ref = SPEC_ID + pointer("paths", routePath, method, "responses", status, "content", mediaType, "schema");
  const validate = ajv.getSchema(ref);
  assert.ok(validate, `no schema at ${ref}`);
  return validate;
}

/** Ajv errors, grouped by schema location (list items differ only in their index). */
function formatAjvErrors(errors) {
  const groups = new Map();
  for (const e of errors ?? []) {
    const key = `${e.schemaPath} ${e.message}`;
    const g = groups.get(key) ?? { e, count: 0 };
    g.count += 1;
    groups.set(key, g);
  }
  return [...groups.values()]
    .map(
      ({ e, count }) =>
        `  ${e.instancePath || "(root)"} = ${JSON.stringify(e.data)?.slice(0, 80)}: ${e.message} ` +
        `[schema ${e.schemaPath}]${count > 1 ? ` (and ${count - 1} more like it)` : ""}`,
    )
    .join("\n");
}

/**
 * Checks a response against the operation (spec.paths[routePath][method]): its status is documented,
 * its content type is one the documented response names, and its body matches that schema.
 */
function checkAgainstSpec(routePath, method, url, { res, json, text, mediaType }) {
  const op = spec.paths[routePath][method];
  const status = String(res.status);
  const documented = op.responses[status] ?? op.responses[`${status[0]}XX`] ?? op.responses.default;
  assert.ok(
    documented,
    `${method.toUpperCase()} ${url} answered ${status}, which ${method.toUpperCase()} ${routePath} ` +
      `does not document (documented: ${Object.keys(op.responses).join(", ")}); body: ${text.slice(0, 300)}`,
  );
  const key = op.responses[status] ? status : op.responses[`${status[0]}XX`] ? `${status[0]}XX` : "default";
  const content = documented.content ?? {};
  if (Object.keys(content).length === 0) return; // e.g. 204 with no body
  assert.ok(
    content[mediaType],
    `${method.toUpperCase()} ${url} answered ${status} with Content-Type "${res.headers.get("content-type")}", ` +
      `documented: ${Object.keys(content).join(", ")}`,
  );
  if (!content[mediaType].schema) return;
  const validate = responseValidator(routePath, method, key, mediaType);
  const ok = validate(json);
  assert.ok(
    ok,
    `${method.toUpperCase()} ${url} (${status}) does not match the documented schema of ` +
      `${method.toUpperCase()} ${routePath} ${key} ${mediaType}:\n${formatAjvErrors(validate.errors)}`,
  );
}

const pathParams = (routePath) => [...routePath.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);

/** The e-mail and password of a "demo login: ROLE EMAIL PASSWORD" line the server printed. */
function demoLogin(role) {
  for (const line of serverLog.split("\n")) {
    const m = line.match(/demo login: (\S+) (\S+) (\S+)/);
    if (m && m[1] === role) return { email: m[2], password: m[3] };
  }
  return undefined;
}

/** Logs in; returns the response and the session (cookie and CSRF token) it started. */
async function login(email, password) {
  const r = await request("POST", `${API}/auth/login`, {
    anonymous: true,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const setCookie = r.res.headers.getSetCookie?.() ?? [r.res.headers.get("set-cookie") ?? ""];
  const cookie = setCookie.map((c) => c.split(";")[0].trim()).find((c) => c.startsWith("tb_session="));
  return { r, session: cookie && r.json?.csrf_token ? { cookie, csrf: r.json.csrf_token } : undefined };
}

// ---------------------------------------------------------------------------------------------
// server lifecycle

before(
  async () => {
    assert.ok(
      fs.existsSync(binary),
      `server binary ${binary} not found: build it (cmake --build build/debug --target talentbridge) ` +
        `or set TB_BINARY`,
    );
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "tb-openapi-"));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const args = ["serve", "--db", `sqlite:${path.join(tmpDir, "t.db")}`, "--port", String(port),
      "--demo", "--threads", "2"];
    server = spawn(binary, args, { cwd: tmpDir, stdio: ["ignore", "pipe", "pipe"] });
    const collect = (chunk) => {
      serverLog += chunk.toString();
      if (serverLog.length > 1_000_000) serverLog = serverLog.slice(-500_000);
    };
    server.stdout.on("data", collect);
    server.stderr.on("data", collect);
    server.on("exit", (code, signal) => {
      serverExit = { code, signal };
    });
    server.on("error", (err) => {
      serverExit = { code: null, signal: null, error: err };
      serverLog += `\nspawn error: ${err.message}\n`;
    });
    await waitForHealth();
    assert.ok(!serverExit, `the server exited right after start-up; its output:\n${tailOfLog()}`);

    const { res, json } = await request("GET", `${API}/openapi.json`);
    assert.equal(res.status, 200, `GET ${API}/openapi.json answered ${res.status}`);
    assert.ok(json && typeof json === "object", `GET ${API}/openapi.json did not answer a JSON object`);
    spec = json;

    // The demo logins are printed before the server listens; give the pipe a moment all the same.
    let admin = demoLogin("platform_admin");
    for (let i = 0; !admin && i < 50; ++i) {
      await sleep(100);
      admin = demoLogin("platform_admin");
    }
    assert.ok(admin, `no "demo login: platform_admin EMAIL PASSWORD" line in the server output:\n${tailOfLog()}`);
    const { r, session: started } = await login(admin.email, admin.password);
    assert.equal(
      r.res.status,
      200,
      `POST ${API}/auth/login as ${admin.email} answered ${r.res.status}: ${r.text.slice(0, 300)}`,
    );
    assert.ok(started, `the login set no tb_session cookie or returned no csrf_token: ${r.text.slice(0, 300)}`);
    loginResponse = r;
    session = started;
  },
  { timeout: STARTUP_TIMEOUT_MS + 30_000 },
);

after(async () => {
  if (server && !serverExit) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    const timer = setTimeout(() => {
      if (!serverExit) {
        console.error("server did not stop within 20 s of SIGTERM; sending SIGKILL");
        server.kill("SIGKILL");
      }
    }, 20_000);
    await exited;
    clearTimeout(timer);
    if (serverExit && serverExit.code !== 0 && serverExit.signal !== "SIGTERM") {
      console.error(
        `note: server exited with code ${serverExit.code} (signal ${serverExit.signal}) after SIGTERM; ` +
          `last output:\n${tailOfLog(20)}`,
      );
    }
  }
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// tests

describe("OpenAPI description", () => {
  test("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(spec));
    if (!result.valid) {
      console.error("OpenAPI validator errors:\n" + JSON.stringify(result.errors, null, 2));
    }
    assert.ok(result.valid, `openapi.json is not valid:\n${JSON.stringify(result.errors, null, 2)}`);
    assert.equal(validator.version, "3.1", `validator detected OpenAPI version ${validator.version}`);
    assert.match(spec.openapi, /^3\.1\.\d+$/);
  });

  test("every route is under /api/v1 and every operation has operationId, summary, responses", () => {
    const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    const problems = [];
    const operationIds = new Map();
    assert.ok(Object.keys(spec.paths ?? {}).length > 0, "spec has no paths");
    for (const [routePath, item] of Object.entries(spec.paths)) {
      if (!(routePath === API || routePath.startsWith(`${API}/`))) {
        problems.push(`${routePath}: does not start with ${API}`);
      }
      for (const method of methods) {
        const op = item[method];
        if (!op) continue;
        const where = `${method.toUpperCase()} ${routePath}`;
        if (typeof op.operationId !== "string" || op.operationId === "") {
          problems.push(`${where}: no operationId`);
        } else if (operationIds.has(op.operationId)) {
          problems.push(`${where}: operationId ${op.operationId} also used by ${operationIds.get(op.operationId)}`);
        } else {
          operationIds.set(op.operationId, where);
        }
        if (typeof op.summary !== "string" || op.summary.trim() === "") problems.push(`${where}: no summary`);
        if (!op.responses || Object.keys(op.responses).length === 0) problems.push(`${where}: no responses`);
      }
    }
    assert.deepEqual(problems, [], problems.join("\n"));
  });

  test("its schemas compile with Ajv (JSON Schema 2020-12, strict mode)", () => {
    // Strict mode throws on unknown keywords (a misspelt "maxlength"), unknown formats and "required"
    // names that are not properties; type arrays (["string", "null"]) are the 3.1 style of nullable.
    ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    for (const name of DOMAIN_FORMATS) ajv.addFormat(name, true);
    for (const [name, validate] of Object.entries(OPENAPI_NUMBER_FORMATS)) {
      ajv.addFormat(name, { type: "number", validate });
    }
    for (const name of OPENAPI_STRING_FORMATS) ajv.addFormat(name, true);
    // Registers the description as one schema resource so that its "#/components/schemas/..."
    // references resolve; "paths" and "components" hold the schemas but are not keywords.
    ajv.addKeyword("paths");
    ajv.addKeyword("components");
    ajv.addSchema({ $id: SPEC_ID, components: spec.components ?? {}, paths: spec.paths }, SPEC_ID);

    const failures = [];
    const compile = (ref) => {
      try {
        assert.ok(ajv.getSchema(ref), "not found");
      } catch (err) {
        failures.push(`${ref}: ${err.message}`);
      }
    };
    for (const name of Object.keys(spec.components?.schemas ?? {})) {
      compile(SPEC_ID + pointer("components", "schemas", name));
    }
    for (const [routePath, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (typeof op !== "object" || !op.responses) continue;
        for (const [status, response] of Object.entries(op.responses)) {
          for (const [mediaType, media] of Object.entries(response.content ?? {})) {
            if (media.schema) {
              compile(SPEC_ID + pointer("paths", routePath, method, "responses", status, "content", mediaType, "schema"));
            }
          }
        }
        for (const [mediaType, media] of Object.entries(op.requestBody?.content ?? {})) {
          if (media.schema) {
            compile(SPEC_ID + pointer("paths", routePath, method, "requestBody", "content", mediaType, "schema"));
          }
        }
      }
    }
    assert.deepEqual(failures, [], failures.join("\n"));

    // Ajv accepts the OpenAPI 3.0 keyword "nullable"; 3.1 tools ignore it, so a 3.1 description
    // says type: [..., "null"] instead.
    const nullable = [];
    const scan = (node, where) => {
      if (Array.isArray(node)) node.forEach((v, i) => scan(v, `${where}/${i}`));
      else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) {
          if (k === "nullable" && !where.endsWith("/properties")) nullable.push(where);
          scan(v, `${where}/${k.replaceAll("~", "~0").replaceAll("/", "~1")}`);
        }
      }
    };
    scan(spec, "#");
    assert.deepEqual(nullable, [], `OpenAPI 3.0 "nullable" used at:\n${nullable.join("\n")}`);
  });
});

describe("responses match the description", () => {
  // Sample items of list routes, by list route path, for the item routes.
  const samples = new Map();

  const listRoutes = () =>
    Object.keys(spec.paths).filter((p) => spec.paths[p].get && pathParams(p).length === 0);

  test("every GET route without path parameters answers 200 with the documented body", async (t) => {
    assert.ok(ajv, "the Ajv schemas did not compile");
    const routes = listRoutes();
    assert.ok(routes.includes(`${API}/health`), `${API}/health is not documented`);
    for (const routePath of routes) {
      await t.test(`GET ${routePath}`, async () => {
        const r = await request("GET", routePath);
        assert.equal(r.res.status, 200, `GET ${routePath} answered ${r.res.status}: ${r.text.slice(0, 300)}`);
        if (Array.isArray(r.json?.items)) samples.set(routePath, r.json.items);
        checkAgainstSpec(routePath, "get", routePath, r);

        // A full page too, when the route takes a limit, to check more rows against the schema.
        const takesLimit = (spec.paths[routePath].get.parameters ?? []).some(
          (p) => p.in === "query" && p.name === "limit",
        );
        if (takesLimit) {
          const url = `${routePath}?limit=200`;
          const page = await request("GET", url);
          assert.equal(page.res.status, 200, `GET ${url} answered ${page.res.status}: ${page.text.slice(0, 300)}`);
          checkAgainstSpec(routePath, "get", url, page);
          if (typeof page.json.next_cursor === "string") {
            const next = `${routePath}?limit=200&cursor=${encodeURIComponent(page.json.next_cursor)}`;
            const second = await request("GET", next);
            assert.equal(second.res.status, 200, `GET ${next} answered ${second.res.status}: ${second.text.slice(0, 300)}`);
            checkAgainstSpec(routePath, "get", next, second);
          }
        }
      });
    }
  });

  test("item routes answer 200 with the documented body for an existing record", async (t) => {
    assert.ok(ajv, "the Ajv schemas did not compile");
    const fixed = { [`${API}/regions/{code}`]: { code: "210703" } };
    // Jinzhou SASAC supervises seven enterprises (README), so its relations list is not empty.
    const sasac = await request("GET", `${API}/organizations?kind=government&name=${encodeURIComponent("国有资产")}`);
    const sasacId = sasac.res.status === 200 ? sasac.json?.items?.[0]?.id : undefined;
    // The demo's agreements carry no documents: attach one, so the download route is checked too.
    const agreements = await request("GET", `${API}/agreements?limit=1`);
    const agreementId = agreements.json?.items?.[0]?.id;
    assert.ok(agreementId !== undefined, `the demo lists no agreement: ${agreements.text.slice(0, 300)}`);
    const upload = await request("POST", `${API}/agreements/${agreementId}/documents?filename=check.pdf`, {
      body: "%PDF-1.5\n% a document for the OpenAPI check\n",
      headers: { "Content-Type": "application/pdf" },
    });
    assert.equal(upload.res.status, 201, `uploading a document: ${upload.text.slice(0, 300)}`);

    const itemRoutes = Object.keys(spec.paths).filter(
      (p) => spec.paths[p].get && pathParams(p).length > 0,
    );
    for (const routePath of itemRoutes) {
      await t.test(`GET ${routePath}`, async (st) => {
        // The parameters come from the list route the path extends: /x/{id} from /x,
        // /x/{id}/y from /x, /x/{id}/y/{yid} from /x/{id}/y.
        const params = pathParams(routePath);
        const values = { ...(fixed[routePath] ?? {}) };
        // Outer parameters first, so a nested list (/x/{id}/y) is fetched with its parent's id.
        for (const name of params) {
          const prefix = routePath.slice(0, routePath.indexOf(`/{${name}}`));
          if (values[name] !== undefined) continue;
          let value;
          if (prefix === `${API}/organizations` && sasacId !== undefined && routePath !== `${API}/organizations/{id}`) {
            value = sasacId;
          } else {
            let items = samples.get(prefix);
            if (!items && pathParams(prefix).length > 0) {
              // a nested list (e.g. relations of an organization): fetch it with what we have
              let url = prefix;
              for (const n of pathParams(prefix)) url = url.replace(`{${n}}`, encodeURIComponent(values[n]));
              const r = await request("GET", url);
              if (r.res.status === 200) items = r.json?.items;
            }
            const field = name.endsWith("_id") ? "id" : name;
            value = items?.find((it) => it && it[field] !== undefined)?.[field];
          }
          if (value === undefined) {
            // Every item route is checked: a missing sample is a failure, not a skip.
            assert.fail(`no sample for {${name}}: the list ${prefix} is empty or not documented`);
          }
          values[name] = value;
        }
        let url = routePath;
        for (const n of params) url = url.replace(`{${n}}`, encodeURIComponent(values[n]));
        // A server-sent-events stream stays open: ask for its first event only.
        if (spec.paths[routePath].get.responses?.["200"]?.content?.["text/event-stream"]) {
          url += "?once=true";
        }
        const r = await request("GET", url);
        assert.equal(r.res.status, 200, `GET ${url} answered ${r.res.status}: ${r.text.slice(0, 300)}`);
        checkAgainstSpec(routePath, "get", url, r);
      });
    }
  });

  test("an unknown record answers a documented 404 problem", async (t) => {
    assert.ok(ajv, "the Ajv schemas did not compile");
    const routes = Object.keys(spec.paths).filter(
      (p) => spec.paths[p].get && /^\/api\/v1\/[a-z_]+\/\{id\}$/.test(p),
    );
    for (const routePath of routes) {
      await t.test(`GET ${routePath}`, async () => {
        const url = routePath.replace("{id}", "987654321");
        const r = await request("GET", url);
        assert.equal(r.res.status, 404, `GET ${url} answered ${r.res.status}: ${r.text.slice(0, 300)}`);
        assert.equal(r.mediaType, "application/problem+json");
        checkAgainstSpec(routePath, "get", url, r);
      });
    }
  });

  test("login answers the documented Session; bad credentials and no session a 401 Problem", async () => {
    assert.ok(ajv, "the Ajv schemas did not compile");
    const loginPath = `${API}/auth/login`;
    assert.ok(spec.paths[loginPath]?.post, `POST ${loginPath} is not documented`);
    checkAgainstSpec(loginPath, "post", loginPath, loginResponse);
    const sessionSchema = ajv.getSchema(SPEC_ID + pointer("components", "schemas", "Session"));
    assert.ok(sessionSchema, "components.schemas.Session is not documented");
    assert.ok(sessionSchema(loginResponse.json), `not a Session:\n${formatAjvErrors(sessionSchema.errors)}`);
    assert.equal(loginResponse.json.user.role, "platform_admin");
    assert.equal(typeof loginResponse.json.csrf_token, "string");

    const problem = ajv.getSchema(SPEC_ID + pointer("components", "schemas", "Problem"));
    assert.ok(problem, "components.schemas.Problem is not documented");

    // A wrong password: 401, documented on the login route.
    const admin = demoLogin("platform_admin");
    const { r: refused, session: none } = await login(admin.email, `${admin.password}-wrong`);
    assert.equal(refused.res.status, 401, `answered ${refused.res.status}: ${refused.text.slice(0, 300)}`);
    assert.equal(none, undefined, "a refused login started a session");
    assert.equal(refused.mediaType, "application/problem+json");
    checkAgainstSpec(loginPath, "post", loginPath, refused);
    assert.ok(problem(refused.json), `not a Problem:\n${formatAjvErrors(problem.errors)}`);

    // /auth/me with the session: the same user and CSRF token; without it: a 401 Problem.
    const mePath = `${API}/auth/me`;
    const me = await request("GET", mePath);
    assert.equal(me.res.status, 200, `answered ${me.res.status}: ${me.text.slice(0, 300)}`);
    checkAgainstSpec(mePath, "get", mePath, me);
    assert.deepEqual(me.json.user, loginResponse.json.user);
    for (const routePath of [mePath, `${API}/students`, `${API}/organizations`]) {
      const r = await request("GET", routePath, { anonymous: true });
      assert.equal(
        r.res.status,
        401,
        `anonymous GET ${routePath} answered ${r.res.status}: ${r.text.slice(0, 300)}`,
      );
      assert.equal(r.mediaType, "application/problem+json");
      checkAgainstSpec(routePath, "get", routePath, r);
      assert.ok(problem(r.json), `not a Problem:\n${formatAjvErrors(problem.errors)}`);
      assert.equal(r.json.status, 401);
    }
  });

  test("an API token is created, listed and revoked as documented", async () => {
    assert.ok(ajv, "the Ajv schemas did not compile");
    const tokensPath = `${API}/tokens`;
    assert.ok(spec.paths[tokensPath]?.post, `POST ${tokensPath} is not documented`);
    const created = await request("POST", tokensPath, {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ user_id: loginResponse.json.user.id, name: "openapi-test" }),
    });
    assert.equal(created.res.status, 201, `answered ${created.res.status}: ${created.text.slice(0, 300)}`);
    checkAgainstSpec(tokensPath, "post", tokensPath, created);
    assert.equal(typeof created.json.token, "string");

    // The list documents the token (without its secret).
    const list = await request("GET", `${tokensPath}?limit=200`);
    assert.equal(list.res.status, 200, `answered ${list.res.status}: ${list.text.slice(0, 300)}`);
    checkAgainstSpec(tokensPath, "get", tokensPath, list);
    assert.ok(list.json.items.some((t) => t.id === created.json.id), "the new token is not listed");
    assert.ok(!list.text.includes(created.json.token), "the list shows the token's secret");

    const itemPath = `${tokensPath}/{id}`;
    const url = `${tokensPath}/${created.json.id}`;
    const revoked = await request("DELETE", url);
    assert.equal(revoked.res.status, 204, `answered ${revoked.res.status}: ${revoked.text.slice(0, 300)}`);
    checkAgainstSpec(itemPath, "delete", url, revoked);
  });

  test("an invalid organization answers 422 with a problem document", async () => {
    assert.ok(ajv, "the Ajv schemas did not compile");
    const routePath = `${API}/organizations`;
    assert.ok(spec.paths[routePath]?.post, `POST ${routePath} is not documented`);
    const r = await request("POST", routePath, {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ kind: "enterprise", name: "x", credit_code: "123" }),
    });
    assert.equal(r.res.status, 422, `answered ${r.res.status}: ${r.text.slice(0, 300)}`);
    assert.equal(r.mediaType, "application/problem+json", `Content-Type: ${r.res.headers.get("content-type")}`);
    checkAgainstSpec(routePath, "post", routePath, r);

    const problem = ajv.getSchema(SPEC_ID + pointer("components", "schemas", "Problem"));
    assert.ok(problem, "components.schemas.Problem is not documented");
    assert.ok(problem(r.json), `not a Problem:\n${formatAjvErrors(problem.errors)}`);
    assert.equal(r.json.status, 422);
    assert.ok(
      Array.isArray(r.json.errors) && r.json.errors.some((e) => e.field === "credit_code"),
      `errors do not name credit_code: ${JSON.stringify(r.json.errors)}`,
    );
  });
});
