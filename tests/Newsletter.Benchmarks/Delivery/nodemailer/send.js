// Sends COUNT prebuilt ~20 KB messages to 127.0.0.1:PORT with nodemailer's pool (8 connections) and prints the rate.
const nodemailer = require("nodemailer");

const [port, count] = [Number(process.argv[2]), Number(process.argv[3] || 10000)];
const paragraph = "<p>Resilience is what a system does when the plan fails: it degrades, it retries, it tells you. ".repeat(4) + "</p>\n";
const html = "<!doctype html><html><body>" + paragraph.repeat(26) + "</body></html>";
const text = html.replace(/<[^>]+>/g, "");

const transport = nodemailer.createTransport({
  host: "127.0.0.1", port, secure: false, ignoreTLS: true,
  pool: true, maxConnections: 8, maxMessages: Infinity,
});

async function main() {
  // Prebuilt: the messages exist before the clock starts, so only sending is measured.
  const messages = Array.from({ length: count }, (_, i) => ({
    from: "Bench <bench@example.com>", to: `reader${i}@example.com`,
    subject: `Issue for reader ${i}`, html, text,
  }));
  const started = process.hrtime.bigint();
  let next = 0;
  // Keep the pool's queue fed but bounded, as a list sender would.
  async function worker() { while (next < count) await transport.sendMail(messages[next++]); }
  await Promise.all(Array.from({ length: 32 }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  transport.close();
  console.log(`nodemailer pool(8): ${count} messages in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} messages/s, ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, ${Buffer.byteLength(html) + Buffer.byteLength(text)} bytes of body each`);
}
main().catch(e => { console.error(e); process.exit(1); });
