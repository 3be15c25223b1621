// A stand-in company portal (.mts: plain ESM for Node, no bundler) for the embedding e2e tests: one page that frames the app and records every
// message it receives. Served on http://localhost (another site than the app on 127.0.0.1), on two ports:
// one the app allows (EMBED_ALLOWED_ORIGINS) and one it does not.
import { createServer } from "node:http";

const appUrl = process.env.PORTAL_APP_URL ?? "http://127.0.0.1:3000";
const ports = (process.env.PORTAL_PORTS ?? "5175,5176").split(",").map(Number);

function page(path: string): string {
  const src = new URL(path, appUrl).toString();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Company portal</title></head>
<body>
<h1>Company portal</h1>
<iframe id="app" title="Trail Imports" src="${src.replace(/"/g, "&quot;")}" style="width:100%;height:600px;border:0"></iframe>
<script>
  window.portalMessages = [];
  window.addEventListener("message", (event) => {
    window.portalMessages.push({ origin: event.origin, data: event.data });
  });
</script>
</body></html>`;
}

for (const port of ports) {
  createServer((request, response) => {
    const url = new URL(request.url ?? "/", `http://localhost:${port}`);
    if (url.pathname === "/health") {
      response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
      return;
    }
    const path = url.searchParams.get("path") ?? "/imports";
    response
      .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
      .end(page(path.startsWith("/") ? path : "/imports"));
  }).listen(port, "localhost", () => console.log(`portal on http://localhost:${port}`));
}
