// Starts Encore on PORT (3000 by default), on this machine only.
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
createApp(loadConfig()).listen(port, host, () => {
  console.log(`Encore listening on http://${host}:${port}`);
});
