import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { TLSSocket, createSecureContext } from "node:tls";

export interface TestCertificateAuthority {
  /** PEM file of the CA: what `AWS_CA_BUNDLE` names. */
  caFile: string;
  serverKey: string;
  serverCert: string;
  dispose(): void;
}

/**
 * A throw-away CA and a server certificate for `hosts`, made with `openssl` (test-only, one day).
 * Nothing is installed system-wide: clients trust the CA through their own setting.
 */
export function createTestCertificateAuthority(hosts: string[]): TestCertificateAuthority {
  const dir = mkdtempSync(path.join(tmpdir(), "validate-logs-ca-"));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) =>
    execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.pem"),
    "-days",
    "1",
    "-subj",
    "/CN=org-governance test CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  );
  openssl(
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    file("server.key"),
    "-out",
    file("server.csr"),
    "-subj",
    `/CN=${hosts[0]}`,
  );
  writeFileSync(
    file("server.ext"),
    `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(",")}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`,
  );
  openssl(
    "x509",
    "-req",
    "-in",
    file("server.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-out",
    file("server.pem"),
    "-days",
    "1",
    "-extfile",
    file("server.ext"),
  );
  return {
    caFile: file("ca.pem"),
    serverKey: readFileSync(file("server.key"), "utf8"),
    serverCert: readFileSync(file("server.pem"), "utf8"),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface InterceptingProxy {
  /** `http://127.0.0.1:<port>`: what `HTTPS_PROXY` names. */
  url: string;
  /** Hosts clients asked to CONNECT to. */
  connects: string[];
  close(): Promise<void>;
}

/**
 * An HTTPS proxy on 127.0.0.1 that answers CONNECT itself: it terminates TLS with the test certificate
 * and forwards each request, Host header and all, to `target` over plain HTTP. A client that cannot be
 * pointed at another endpoint (the AWS CLI's S3 calls in validate-logs) thus reaches a loopback server.
 */
export async function startInterceptingProxy(
  target: string,
  authority: TestCertificateAuthority,
): Promise<InterceptingProxy> {
  const targetUrl = new URL(target);
  const connects: string[] = [];
  const secureContext = createSecureContext({ key: authority.serverKey, cert: authority.serverCert });
  const sockets = new Set<Socket>();
  const inner: Server = createServer((request, response) => {
    const upstream = httpRequest(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  const proxy = createServer((_request, response) => {
    response.writeHead(405).end();
  });
  proxy.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  proxy.on("connect", (request, socket: Socket, head: Buffer) => {
    connects.push(String(request.url));
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head.length > 0) socket.unshift(head);
    const tls = new TLSSocket(socket, { isServer: true, secureContext });
    tls.on("error", () => socket.destroy());
    inner.emit("connection", tls);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      inner.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
