import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Starts a real PowerDNS Authoritative server (Debian's pdns-server with the LMDB backend, which
// needs no schema or extra binary) on 127.0.0.1 for one test file, and stops it. The LMDB backend
// takes zones and records through the HTTP API like the SQL backends. Caches are off so an answer
// always reflects the last change.

export const PDNS_SERVER_BINARY = process.env.PDNS_SERVER_BINARY ?? "/usr/sbin/pdns_server";
export const DIG_BINARY = "/usr/bin/dig";

/** Why the real-server tests cannot run here, or null when they can. */
export function pdnsUnavailableReason(): string | null {
  if (!fs.existsSync(PDNS_SERVER_BINARY)) {
    return `pdns_server is not installed (${PDNS_SERVER_BINARY} missing): apt-get install pdns-server pdns-backend-lmdb (.ci/run does)`;
  }
  const backend = ["/usr/lib/x86_64-linux-gnu/pdns/liblmdbbackend.so", "/usr/lib/aarch64-linux-gnu/pdns/liblmdbbackend.so"].some((file) => fs.existsSync(file));
  if (!backend) return "the PowerDNS LMDB backend is not installed: apt-get install pdns-backend-lmdb (.ci/run does)";
  return null;
}

export type PdnsServer = {
  apiUrl: string;
  apiKey: string;
  dnsPort: number;
  stop(): Promise<void>;
  /** What pdns_server printed, for a failing test's message. */
  log(): string;
};

export async function startPdnsServer(options: { dnsPort: number; apiPort: number; apiKey?: string }): Promise<PdnsServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pdns-test-"));
  const apiKey = options.apiKey ?? "test-pdns-api-key";
  fs.writeFileSync(path.join(dir, "pdns.conf"), `launch=lmdb\nlmdb-filename=${path.join(dir, "pdns.lmdb")}\n`);
  let output = "";
  const child: ChildProcess = spawn(
    PDNS_SERVER_BINARY,
    [
      `--config-dir=${dir}`,
      "--daemon=no",
      "--guardian=no",
      "--disable-syslog",
      "--write-pid=no",
      `--socket-dir=${dir}`,
      "--local-address=127.0.0.1",
      `--local-port=${options.dnsPort}`,
      "--api=yes",
      `--api-key=${apiKey}`,
      "--webserver=yes",
      "--webserver-address=127.0.0.1",
      `--webserver-port=${options.apiPort}`,
      "--webserver-allow-from=127.0.0.0/8",
      "--cache-ttl=0",
      "--negquery-cache-ttl=0",
      "--query-cache-ttl=0",
      "--zone-cache-refresh-interval=0",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (chunk) => (output += String(chunk)));
  child.stderr?.on("data", (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const apiUrl = `http://127.0.0.1:${options.apiPort}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`pdns_server exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${apiUrl}/api/v1/servers/localhost`, { headers: { "X-API-Key": apiKey }, signal: AbortSignal.timeout(1000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`pdns_server did not answer on ${apiUrl} within 20 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { apiUrl, apiKey, dnsPort: options.dnsPort, stop, log: () => output };
}
