/**
 * Profiling aid (bench/README, « Credentials »): signs then verifies N credentials (default 200)
 * in one process, printing wall and CPU milliseconds each. Profile with
 *   N=200 node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/support/credentials-profile.ts
 * (the larger .cpuprofile is the main thread's; the other is tsx's loader).
 */
import { signCredential, verifySignature } from '../../src/modules/credentials/signing.js';
import { credentialSample } from './credential-sample.js';

const N = Number(process.env.N ?? 200);
const { key, loader, unsigned } = await credentialSample();

async function timed(step: () => Promise<unknown>) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  for (let k = 0; k < N; k++) await step();
  const used = process.cpuUsage(cpu);
  return { ms: (performance.now() - wall) / N, cpuMs: (used.user + used.system) / 1000 / N };
}

let signed: Record<string, unknown> = {};
const sign = await timed(async () => {
  signed = await signCredential(unsigned(), key, loader);
});
const verify = await timed(async () => {
  if (!(await verifySignature(signed, loader)).verified) throw new Error('not verified');
});
const line = (name: string, r: { ms: number; cpuMs: number }) =>
  `${name}: ${r.ms.toFixed(2)} ms each (${(1000 / r.ms).toFixed(1)}/s), CPU ${r.cpuMs.toFixed(2)} ms`;
process.stdout.write(`${line('sign', sign)}; ${line('verify', verify)}\n`);
