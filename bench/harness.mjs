// The browser harness a bench talks to: the built dist/harness.cjs started on a temporary folder,
// its address, and `call(channel, input)` over its /rpc endpoint with the token. Shared by the
// benches that time the app through the harness (responsiveness, workshop).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Starts the harness of `root`'s build; `script` names the npm script that builds first (for the message). */
export async function startHarness(root, prefix, script) {
  const harnessBundle = path.join(root, 'dist', 'harness.cjs');
  if (!fs.existsSync(harnessBundle)) {
    console.error(`dist/harness.cjs is missing: run npm run build (npm run ${script} does)`);
    process.exit(2);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const child = spawn(process.execPath, [harnessBundle, '--root', work, '--home', path.join(work, 'home')], { cwd: root });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`the harness exited (${code})`)));
  });
  const { origin, hash } = new URL(url);
  const token = hash.slice('#token='.length);

  async function call(channel, input = {}) {
    const res = await fetch(`${origin}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tambon-token': token },
      body: JSON.stringify({ channel, input }),
    });
    const envelope = await res.json();
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.messageEn}`);
    return envelope.value;
  }

  /** Stops the harness with `signal` and removes its folder. */
  async function stop(signal) {
    child.kill(signal);
    await new Promise((resolve) => child.on('exit', resolve));
    fs.rmSync(work, { recursive: true, force: true });
  }

  return { work, url, call, stop };
}
