// A tiny test runner shared by the client scripts: named steps, a clear summary line, a non-zero exit on any failure.
import assert from 'node:assert/strict';

export { assert };

/** The registry under test, from CASTLE_URL (or SCHEMA_REGISTRY_URL); the scripts refuse to guess one. */
export function registryUrl() {
  const url = process.env.CASTLE_URL || process.env.SCHEMA_REGISTRY_URL;
  if (!url) {
    console.error('set CASTLE_URL to the registry under test, for example CASTLE_URL=http://127.0.0.1:8081');
    process.exit(2);
  }
  return url.replace(/\/+$/, '');
}

/** A setting the script cannot guess (the proxy's URL, Kafka's bootstrap servers): exits with a hint when unset. */
export function required(name, example) {
  const value = process.env[name];
  if (!value) {
    console.error(`set ${name}, for example ${name}=${example}`);
    process.exit(2);
  }
  return value.replace(/\/+$/, '');
}

/** A suffix that keeps the subjects of one run apart from those of earlier runs against the same registry. */
export const RUN = process.env.CASTLE_RUN_ID || `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Runs named steps in order; a failed step is reported and the next one still runs. */
export function suite(client) {
  const results = [];

  async function step(name, body) {
    const started = Date.now();
    try {
      const detail = await body();
      results.push({ name, ok: true });
      console.log(`ok   ${client} | ${name}${detail === undefined ? '' : ` -> ${render(detail)}`} (${Date.now() - started} ms)`);
      return detail;
    } catch (error) {
      results.push({ name, ok: false });
      console.log(`FAIL ${client} | ${name}: ${describe(error)}`);
      return undefined;
    }
  }

  function finish() {
    const failed = results.filter(r => !r.ok);
    console.log(`SUMMARY ${client}: ${results.length - failed.length} passed, ${failed.length} failed`);
    for (const f of failed) {
      console.log(`  failed: ${f.name}`);
    }
    process.exitCode = failed.length === 0 && results.length > 0 ? 0 : 1;
  }

  return { step, finish };
}

function render(value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? `${v}n` : v));
  return text && text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** An error with whatever the HTTP client kept of the registry's answer (status, body). */
export function describe(error) {
  if (!error) {
    return String(error);
  }
  const parts = [error.message || String(error)];
  const status = error.status ?? error.response?.status;
  const body = error.response?.data ?? error.body ?? error.originalError?.response?.data;
  if (status !== undefined) {
    parts.push(`status=${status}`);
  }
  if (error.errorCode !== undefined) {
    parts.push(`error_code=${error.errorCode}`);
  }
  if (body !== undefined) {
    parts.push(`body=${render(body)}`);
  }
  if (process.env.CASTLE_CLIENTS_DEBUG && error.stack) {
    parts.push(`\n${error.stack}`);
  }
  return parts.join(' ');
}

/** A deep-equality check whose failure keeps node's diff and adds what the owner of the code under test needs to see. */
export function sameJson(actual, expected, context) {
  try {
    assert.deepEqual(actual, expected);
  } catch (error) {
    error.message = `${error.message}\n${context()}`;
    throw error;
  }
}

/** A plain HTTP call to the registry, for the few facts a client does not expose (the subject's versions). */
export async function http(method, path, body) {
  const response = await fetch(registryUrl() + path, {
    method,
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}
