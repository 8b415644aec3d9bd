// SPDX-License-Identifier: Apache-2.0
#include "console_assets.hpp"

namespace insightd::observability::console_assets {

const std::string_view login_html = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>insightd console: log in</title>
<link rel="stylesheet" href="/console/console.css">
</head>
<body>
<header><h1>insightd</h1></header>
<main class="login">
<form method="post" action="/console/login">
  <h2>Log in</h2>
  <p class="message" role="alert">{{message}}</p>
  <label for="token">Admin token</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
  <button id="login" type="submit">Log in</button>
  <p class="muted">The token is the content of the file named by <code>admin.token_file</code>.</p>
</form>
</main>
</body>
</html>
)html";

const std::string_view console_html = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="{{csrf}}">
<title>insightd console</title>
<link rel="stylesheet" href="/console/console.css">
<script src="/console/console.js" defer></script>
</head>
<body>
<header>
  <h1>insightd</h1>
  <span id="updated" class="muted">loading&hellip;</span>
  <button id="logout" type="button" class="quiet">Log out</button>
</header>
<p id="notice" role="status" hidden></p>
<main>
<section id="queue">
  <h2>Queue</h2>
  <dl id="counts" class="counts"></dl>
</section>
<section id="deliveries">
  <h2>CRM deliveries</h2>
  <p id="held-state">&hellip;</p>
  <button id="resume" type="button" hidden>Resume deliveries</button>
</section>
<section id="throughput">
  <h2>Last hour</h2>
  <p id="throughput-total" class="muted"></p>
  <svg id="throughput-chart" viewBox="0 0 600 130" role="img" aria-label="interactions settled per minute"></svg>
</section>
<section id="dead-letters">
  <h2>Dead letters</h2>
  <p><span id="dead-count">&ndash;</span> dead letter(s).
     <button id="replay-all" type="button">Replay all</button></p>
</section>
<section id="failures" class="wide">
  <h2>Last 100 failed or dead interactions</h2>
  <table>
    <thead><tr><th>updated (UTC)</th><th>interaction</th><th>state</th><th>kind</th><th>attempts</th>
      <th>CRM status</th><th>reason</th><th>correlation id</th><th></th></tr></thead>
    <tbody id="failure-rows"></tbody>
  </table>
  <p id="no-failures" class="muted" hidden>No failed or dead interactions.</p>
</section>
<section id="intake" class="wide">
  <h2>Intake</h2>
  <p id="intake-state">&hellip;</p>
  <dl id="intake-facts" class="facts" hidden>
    <dt>Leader</dt><dd id="intake-leader"></dd>
    <dt>Notifications socket</dt><dd id="intake-socket"></dd>
    <dt>Last event</dt><dd id="intake-last-event"></dd>
    <dt>Channels</dt><dd id="intake-channels" class="id"></dd>
    <dt>Queues watched</dt><dd id="intake-queues" class="id"></dd>
    <dt>Last reconciliation</dt><dd id="intake-reconcile"></dd>
    <dt>Reconciliation window</dt><dd id="intake-window"></dd>
    <dt>Watermark</dt><dd id="intake-watermark"></dd>
    <dt>Found since start</dt><dd id="intake-found"></dd>
    <dt>Status written</dt><dd id="intake-updated"></dd>
  </dl>
  <h3 id="intake-problems-title" hidden>Recent problems (newest first)</h3>
  <ul id="intake-problems" class="problems"></ul>
</section>
<!-- New views (the live daemons) go here: a section, a field in the
     snapshot, and a renderer in console.js's `views`. -->
</main>
</body>
</html>
)html";

const std::string_view console_js =
    R"js(// The insightd console: renders /console/api/snapshot every few seconds and
// posts the operator's actions with the session's CSRF token. Text is only
// ever set with textContent, never parsed as HTML.
"use strict";
(() => {
  const refreshMs = 5000;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const $ = (id) => document.getElementById(id);
  const svgNs = "http://www.w3.org/2000/svg";

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  async function api(method, path) {
    const init = { method, headers: {}, credentials: "same-origin", cache: "no-store" };
    if (method === "POST") init.headers["X-CSRF-Token"] = csrf;
    const response = await fetch(path, init);
    if (response.status === 401) {
      location.reload();  // back to the login form
      throw new Error("the session ended");
    }
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  function notice(text, failed) {
    const node = $("notice");
    node.textContent = text;
    node.className = failed ? "failed" : "";
    node.hidden = false;
  }

  function renderCounts(s) {
    const list = $("counts");
    list.replaceChildren();
    for (const [name, value] of Object.entries(s.status)) {
      if (typeof value !== "number") continue;
      const value_node = el("dd", String(value));
      value_node.id = "count-" + name;
      const item = el("div", undefined, name === "dead" && value > 0 ? "alert" : "");
      item.append(el("dt", name.replace("_", " ")), value_node);
      list.append(item);
    }
  }

  function renderDeliveries(s) {
    const held = s.status.deliveries_held;
    $("held-state").textContent = held
      ? "Held: " + held + ". Fix the endpoint, then resume."
      : "Flowing: nothing is held.";
    $("resume").hidden = !held;
    $("deliveries").classList.toggle("alert", Boolean(held));
  }

  function renderThroughput(s) {
    const t = s.throughput;
    const chart = $("throughput-chart");
    chart.replaceChildren();
    const most = Math.max(1, ...t.done.map((d, i) => d + t.failed[i]));
    const width = 600 / t.done.length;
    const start = Date.parse(t.start);
    const bar = (x, y, h, className, title) => {
      const rect = document.createElementNS(svgNs, "rect");
      rect.setAttribute("x", x + 1);
      rect.setAttribute("y", y);
      rect.setAttribute("width", Math.max(1, width - 2));
      rect.setAttribute("height", h);
      rect.setAttribute("class", className);
      const tip = document.createElementNS(svgNs, "title");
      tip.textContent = title;
      rect.append(tip);
      chart.append(rect);
    };
    t.done.forEach((done, i) => {
      const failed = t.failed[i];
      const minute = new Date(start + i * 60000).toISOString().slice(11, 16);
      const title = minute + " UTC: " + done + " done, " + failed + " failed or dead";
      const doneHeight = (done / most) * 110;
      const failedHeight = (failed / most) * 110;
      bar(i * width, 110 - doneHeight, doneHeight, "done", title);
      bar(i * width, 110 - doneHeight - failedHeight, failedHeight, "failed", title);
    });
    for (const [x, anchor, text] of [[0, "start", "-60 min"], [600, "end", "now"]]) {
      const label = document.createElementNS(svgNs, "text");
      label.setAttribute("x", x);
      label.setAttribute("y", 127);
      label.setAttribute("text-anchor", anchor);
      label.textContent = text;
      chart.append(label);
    }
    const sum = (list) => list.reduce((a, b) => a + b, 0);
    $("throughput-total").textContent =
      sum(t.done) + " done, " + sum(t.failed) + " failed or dead (by the minute they settled; bars per minute)";
  }

  function renderDeadLetters(s) {
    $("dead-count").textContent = String(s.status.dead);
    $("replay-all").disabled = s.status.dead === 0;
  }

  function renderFailures(s) {
    const rows = $("failure-rows");
    rows.replaceChildren();
    for (const f of s.failures) {
      const row = el("tr", undefined, "state-" + f.state);
      const cells = [f.updated_at.replace("T", " ").slice(0, 19), f.id, f.state, f.kind, String(f.attempts),
                     f.last_status ? String(f.last_status) : "", f.reason, f.correlation_id];
      cells.forEach((text, i) => row.append(el("td", text, i === 1 || i === 7 ? "id" : "")));
      const action = el("td");
      if (f.state === "dead") {
        const button = el("button", "Replay");
        button.type = "button";
        button.dataset.replay = f.id;
        action.append(button);
      }
      row.append(action);
      rows.append(row);
    }
    $("no-failures").hidden = s.failures.length > 0;
  }

  // Times from the daemon (Unix ms) are shown against the snapshot's own
  // clock, so a browser whose clock is off does not skew the ages.
  const utc = (ms) => new Date(ms).toISOString().replace("T", " ").slice(0, 19) + " UTC";
  function ago(ms, nowMs) {
    const s = Math.max(0, Math.round((nowMs - ms) / 1000));
    if (s < 120) return s + " s ago";
    if (s < 7200) return Math.round(s / 60) + " min ago";
    return Math.round(s / 3600) + " h ago";
  }
  const stamp = (ms, nowMs, never) => (ms > 0 ? utc(ms) + " (" + ago(ms, nowMs) + ")" : never);
  // A leader writes its status every few seconds while anything changes, and
  // at least with every heartbeat: much older means it stopped.
  const staleAfterMs = 120000;

  function intakeState(i, nowMs) {
    if (!i.recorded) {
      return i.configured
        ? ["Configured, but no daemon has recorded an intake status yet (starting, or no daemon leads it).", "alert"]
        : ["Intake not configured: this deployment does not find conversations itself; something else must " +
           "queue them (insightd enqueue or POST /v1/interactions). Add an intake section to the " +
           "configuration to turn it on.", "muted"];
    }
    const note = i.configured ? "" : " This daemon's configuration has no intake section; another daemon wrote this.";
    if (!i.leader) return ["No daemon leads the intake (the last leader stopped)." + note, "alert"];
    if (nowMs - i.updated_ms > staleAfterMs)
      return ["Running, but the leader last wrote its status " + ago(i.updated_ms, nowMs) +
              ": it may have stopped." + note, "alert"];
    return ["Running on this deployment." + note, ""];
  }

  function renderIntake(s) {
    const i = s.intake;
    const nowMs = Date.parse(s.generated_at);
    const [state, className] = intakeState(i, nowMs);
    $("intake-state").textContent = state;
    $("intake-state").className = className;
    $("intake").classList.toggle("alert", className === "alert");
    $("intake-facts").hidden = !i.recorded;
    const problems = $("intake-problems");
    problems.replaceChildren();
    $("intake-problems-title").hidden = !i.recorded || i.problems.length === 0;
    if (!i.recorded) return;

    $("intake-leader").textContent = i.leader ? (i.daemon || "a daemon") : "none";
    const socket = $("intake-socket");
    socket.textContent = i.socket + (i.socket_since_ms > 0 ? " since " + stamp(i.socket_since_ms, nowMs) : "");
    socket.className = i.socket === "connected" ? "ok" : i.socket === "disabled" ? "muted" : "failed";
    $("intake-last-event").textContent = stamp(i.last_event_ms, nowMs, "none yet");
    $("intake-channels").textContent = i.channels.length ? i.channels.join(", ") : "none";
    $("intake-queues").textContent =
      i.queues.length + (i.queues.length ? ": " + i.queues.join(", ") : " (none yet)");
    const reconcile = $("intake-reconcile");
    if (i.last_reconcile_ms > 0) {
      reconcile.textContent = stamp(i.last_reconcile_ms, nowMs) + ": " + i.last_reconcile_found +
        " ended conversation(s), " + i.last_reconcile_enqueued + " the socket had missed" +
        (i.last_reconcile_complete ? "" : "; incomplete: " + i.last_reconcile_error);
    } else {
      reconcile.textContent = "not run yet";
    }
    reconcile.className = i.last_reconcile_ms > 0 && !i.last_reconcile_complete ? "failed" : "";
    $("intake-window").textContent = i.last_reconcile_from_ms > 0
      ? utc(i.last_reconcile_from_ms) + " to " + utc(i.last_reconcile_to_ms) : "none yet";
    $("intake-watermark").textContent = i.watermark_ms > 0 ? utc(i.watermark_ms) : "none yet";
    $("intake-found").textContent = i.found_notifications + " by notifications, " + i.found_reconcile +
      " by reconciliation; " + i.reconnects + " reconnect(s)";
    $("intake-updated").textContent = stamp(i.updated_ms, nowMs, "never");
    for (const p of i.problems.slice().reverse()) {
      const item = el("li");
      item.append(el("span", utc(p.at_ms), "muted"), el("span", " " + p.message));
      problems.append(item);
    }
  }

  const views = [renderCounts, renderDeliveries, renderThroughput, renderDeadLetters, renderFailures, renderIntake];

  async function refresh() {
    const stamp = $("updated");
    try {
      const snapshot = await api("GET", "/console/api/snapshot");
      for (const view of views) view(snapshot);
      stamp.textContent = "updated " + snapshot.generated_at.slice(11, 19) + " UTC";
      stamp.className = "muted";
    } catch (error) {
      stamp.textContent = "refresh failed: " + error.message;
      stamp.className = "failed";
    }
  }

  async function act(path, describe) {
    try {
      notice(describe(await api("POST", path)), false);
    } catch (error) {
      notice("Failed: " + error.message, true);
    }
    await refresh();
  }

  $("resume").addEventListener("click", () =>
    act("/console/api/resume-deliveries",
        (r) => (r.resumed ? "Deliveries resumed (they were held: " + r.held_reason + ")." : "Deliveries were not held.")));
  $("replay-all").addEventListener("click", () => {
    if (confirm("Replay every dead letter?"))
      act("/console/api/replay-all", (r) => "Re-queued " + r.replayed + " dead letter(s).");
  });
  $("failure-rows").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-replay]");
    if (!button) return;
    const id = button.dataset.replay;
    act("/console/api/replay/" + encodeURIComponent(id),
        (r) => (r.replayed ? "Re-queued " + id + "." : id + " is no longer a dead letter."));
  });
  $("logout").addEventListener("click", async () => {
    await api("POST", "/console/logout").catch(() => {});
    location.assign("/");
  });

  refresh();
  setInterval(refresh, refreshMs);
})();
)js";

const std::string_view console_css =
    R"css(:root { --ink: #1d2430; --muted: #5f6b7a; --line: #d8dee6; --bg: #f5f7fa;
  --ok: #2f855a; --bad: #c53030; --card: #fff; font: 14px/1.45 system-ui, sans-serif; color: var(--ink); }
body { margin: 0; background: var(--bg); }
[hidden] { display: none !important; }  /* a display rule below must not show what the script hides */
header { display: flex; align-items: center; gap: 1rem; padding: .6rem 1.2rem; background: var(--ink); color: #fff; }
header h1 { font-size: 1.1rem; margin: 0; flex: 0 0 auto; }
header #updated { flex: 1 1 auto; color: #c9d2de; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; padding: 1rem 1.2rem; }
main.login { display: block; max-width: 360px; margin: 3rem auto; }
section, form { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; }
section.wide { grid-column: 1 / -1; overflow-x: auto; }
section.alert { border-color: var(--bad); }
h2 { font-size: .95rem; margin: 0 0 .6rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.counts { display: grid; grid-template-columns: repeat(4, 1fr); gap: .5rem; margin: 0; }
.counts div { border: 1px solid var(--line); border-radius: 4px; padding: .3rem .5rem; }
.counts div.alert { border-color: var(--bad); }
.counts dt { color: var(--muted); font-size: .8rem; }
.counts dd { margin: 0; font-size: 1.4rem; font-variant-numeric: tabular-nums; }
svg { width: 100%; height: auto; }
svg rect.done { fill: var(--ok); }
svg rect.failed { fill: var(--bad); }
svg text { font-size: 10px; fill: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.id { font-family: ui-monospace, monospace; font-size: .85rem; }
tr.state-dead td:nth-child(3), tr.state-failed td:nth-child(3) { color: var(--bad); font-weight: 600; }
button { font: inherit; padding: .3rem .8rem; border: 1px solid var(--ink); border-radius: 4px; background: var(--ink);
  color: #fff; cursor: pointer; }
button:disabled { opacity: .4; cursor: default; }
button.quiet { background: transparent; border-color: #c9d2de; }
#notice { margin: 1rem 1.2rem 0; padding: .5rem .8rem; border-radius: 4px; background: #e6f4ea; }
#notice.failed { background: #fde8e8; }
.failed { color: var(--bad); }
.ok { color: var(--ok); }
h3 { font-size: .85rem; margin: .8rem 0 .4rem; color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .6rem 0 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.facts dd.id { font-family: ui-monospace, monospace; font-size: .85rem; }
.problems { margin: 0; padding-left: 1.2rem; }
.problems li { margin-bottom: .2rem; }
.muted { color: var(--muted); }
form label { display: block; margin-bottom: .3rem; }
form input { width: 100%; box-sizing: border-box; padding: .4rem; margin-bottom: .8rem; font: inherit; }
.message { color: var(--bad); min-height: 1em; margin: 0 0 .5rem; }
)css";

}  // namespace insightd::observability::console_assets
