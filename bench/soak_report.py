#!/usr/bin/env python3
"""bench/soak's verdict, from the files a run left in its work directory:
enqueued.txt (IDs the CLI accepted), faults.jsonl (what was switched when),
samples.jsonl (RSS, CPU, queue depth every 2 s), sim-stats.json and
crm-stats.json (GET /sim/stats of the API and the CRM simulator),
status.json, dead-letters.txt, restarts.txt, enqueue-errors.txt, daemon.log.
Exit 1 when an interaction was lost, is stuck, or one part reached the CRM
under two different webhook-ids."""
import argparse
import collections
import json
import os
import re
import statistics
import sys
from pathlib import Path


def lines(path):
    return path.read_text().splitlines() if path.exists() else []


def jsonl(path):
    return [json.loads(line) for line in lines(path) if line.strip().startswith("{")]


def number(path):
    text = path.read_text().strip() if path.exists() else ""
    return int(text) if text else None


def row(label, value):
    print(f"  {label:<46} {value}")


def slope_per_hour(points):
    """Least-squares slope of (t_ms, value) in value per hour."""
    if len(points) < 3:
        return 0.0
    mt = statistics.fmean(t for t, _ in points)
    mv = statistics.fmean(v for _, v in points)
    den = sum((t - mt) ** 2 for t, _ in points)
    return 0.0 if den == 0 else sum((t - mt) * (v - mv) for t, v in points) / den * 3_600_000


def backlog(sample):
    m = sample["metrics"]
    if not m:
        return None
    return sum(m.get(f'insightd_queue_depth{{state="{state}"}}', 0) for state in ("pending", "in_flight", "delivering")) \
        + m.get("insightd_outbox_depth", 0)


def delivery_check(enqueued, crm, dead_text):
    """Per enqueued interaction: delivered whole, dead-lettered, or lost."""
    accepted = collections.defaultdict(set)  # (interaction, part) -> webhook-ids accepted
    parts_of = {}
    for r in crm["crm"]["receipts"]:
        if 200 <= r["status"] < 300 and r["interaction_id"]:
            accepted[(r["interaction_id"], r["part"])].add(r["webhook_id"])
            parts_of[r["interaction_id"]] = r["parts"]
    complete = {i for i, n in parts_of.items() if all((i, p) in accepted for p in range(1, n + 1))}
    tokens = set(dead_text.split())
    dead = {i for i in enqueued if i in tokens and i not in complete}
    lost = [i for i in enqueued if i not in complete and i not in dead]
    two_ids = {k: v for k, v in accepted.items() if len(v) > 1}
    repeats = {w: n for w, n in crm["crm"]["accepted_per_webhook_id"].items() if n > 1}
    return complete, dead, lost, two_ids, repeats, parts_of


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--minutes", type=float, required=True)
    ap.add_argument("--rpm", type=int, required=True)
    args = ap.parse_args()
    w = args.work
    hz = os.sysconf("SC_CLK_TCK")

    enqueued = list(dict.fromkeys(lines(w / "enqueued.txt")))
    faults = jsonl(w / "faults.jsonl")
    samples = jsonl(w / "samples.jsonl")
    sim = json.loads((w / "sim-stats.json").read_text())
    crm = json.loads((w / "crm-stats.json").read_text())
    sim_epoch, crm_epoch = number(w / "sim.epoch"), number(w / "crm-sim.epoch")
    start, drained = number(w / "start.ms"), number(w / "drained.ms")
    enqueue_stop = number(w / "enqueue-stop.ms")
    status = json.loads((w / "status.json").read_text()) if (w / "status.json").exists() else {}
    dead_text = (w / "dead-letters.txt").read_text() if (w / "dead-letters.txt").exists() else ""

    print(f"\n== soak: {args.minutes:g} min of faults, drained {(drained - enqueue_stop) / 1000:.0f} s "
          f"after the enqueue stopped")
    complete, dead, lost, two_ids, repeats, parts_of = delivery_check(enqueued, crm, dead_text)
    parts_total = sum(parts_of.get(i, 0) for i in complete)
    stuck = sum(status.get(k, 0) for k in ("pending", "in_flight")) + status.get("outbox_depth", 0)
    print("\nDelivery (webhook-ids from the CRM simulator's receipts)")
    row("interactions enqueued", len(enqueued))
    row("delivered, every part accepted", f"{len(complete & set(enqueued))} ({parts_total} parts)")
    row("dead-lettered with a reason", len(dead))
    for i in sorted(dead)[:5]:
        reason = next((line for line in dead_text.splitlines() if i in line.split()), "")
        row("", reason.strip()[:110])
    row("LOST (neither)", f"{len(lost)} {lost[:10] if lost else ''}")
    row("one part under two webhook-ids (real dups)", len(two_ids))
    row("same webhook-id accepted again (at-least-once)", f"{len(repeats)} webhook-ids, "
        f"{sum(repeats.values()) - len(repeats)} extra receipts")
    row("delivered but not recorded as enqueued", len(set(parts_of) - set(enqueued)))
    row("status at the end", json.dumps(status, sort_keys=True))
    row("stuck (pending + in_flight + outbox)", stuck)

    restarts = lines(w / "restarts.txt")
    exits = lines(w / "exits.txt")
    print("\nDaemon")
    row("restarts (non-zero exits while running)", f"{len(restarts)} {[r.split()[1] for r in restarts]}")
    row("exit status of the final SIGTERM", exits[-1].split()[1] if len(exits) > len(restarts) else "?")
    rss = [(s["t_ms"], s["rss_kb"]) for s in samples if s["rss_kb"]]
    if rss:
        values = [v for _, v in rss]
        tenth = max(1, len(rss) // 10)
        last_third = rss[2 * len(rss) // 3:]
        row("RSS min / median / max (MB)", " / ".join(f"{x / 1024:.1f}" for x in
                                                      (min(values), statistics.median(values), max(values))))
        row("RSS median first 10 % -> last 10 % (MB)",
            f"{statistics.median(values[:tenth]) / 1024:.1f} -> {statistics.median(values[-tenth:]) / 1024:.1f}")
        row("RSS trend over the last third (MB/hour)", f"{slope_per_hour(last_third) / 1024:+.2f}")
        deciles = [statistics.median(values[i * len(values) // 10:(i + 1) * len(values) // 10] or [0]) / 1024
                   for i in range(10)]
        row("RSS by tenth of the run (MB)", " ".join(f"{d:.1f}" for d in deciles))

    def cpu_pct(t0, t1):
        inside = [s for s in samples if t0 <= s["t_ms"] <= t1 and s["cpu_ticks"] is not None]
        if len(inside) < 2 or inside[0]["pid"] != inside[-1]["pid"]:
            return None
        return 100.0 * (inside[-1]["cpu_ticks"] - inside[0]["cpu_ticks"]) / hz / ((inside[-1]["t_ms"] - inside[0]["t_ms"]) / 1000)

    first_fault = faults[0]["start_ms"] if faults else drained
    base_cpu = cpu_pct(start + 10_000, first_fault)
    row("CPU before the first fault (steady work)", f"{base_cpu:.1f} %" if base_cpu is not None else "?")

    api_ms = sim.get("api_request_ms", [])
    crm_ok_ms = sorted(r["at_ms"] + crm_epoch for r in crm["crm"]["receipts"] if 200 <= r["status"] < 300)
    print("\nFaults (recovery: from the end of the fault until the backlog of pending + in flight + outbox")
    print("is back at its level before the fault, and until the first delivery the CRM accepted)")
    print(f"  {'fault':<14}{'length':>8}{'backlog before':>16}{'peak':>7}{'recovered':>11}{'1st 2xx':>9}"
          f"{'CPU during':>12}{'ready 503':>11}")
    for f in faults:
        t0, t1 = f["start_ms"], f["start_ms"] + f["length_ms"]
        before = [b for s in samples if t0 - 60_000 <= s["t_ms"] < t0 and (b := backlog(s)) is not None]
        base = statistics.median(before) if before else 0
        recovered = next((s["t_ms"] for s in samples if s["t_ms"] >= t1 and (b := backlog(s)) is not None
                          and b <= base + 5), None)
        during = [b for s in samples if t0 <= s["t_ms"] <= (recovered or t1) and (b := backlog(s)) is not None]
        peak = max(during) if during else 0
        first_ok = next((t for t in crm_ok_ms if t >= t1), None)
        cpu = cpu_pct(t0, t1)
        unready = sum(1 for s in samples if t0 <= s["t_ms"] <= t1 and s["ready"] == 503)
        in_window = sum(1 for s in samples if t0 <= s["t_ms"] <= t1)
        print(f"  {f['fault']:<14}{f['length_ms'] / 1000:>7.0f}s{base:>16.0f}{peak:>7.0f}"
              f"{(f'{(recovered - t1) / 1000:.0f} s' if recovered else 'never'):>11}"
              f"{(f'{(first_ok - t1) / 1000:.0f} s' if first_ok else 'none'):>9}"
              f"{(f'{cpu:.1f} %' if cpu is not None else '?'):>12}{f'{unready}/{in_window}':>11}")
        if f["fault"] == "token_down":
            fetches = [t - (t0 - sim_epoch) for t in api_ms if t0 - sim_epoch <= t <= t1 - sim_epoch]
            row("  API requests while the login was down", f"{len(fetches)}" + (
                f", the last {max(fetches) / 1000:.1f} s after it went down (401s: the token was revoked)"
                if fetches else ""))
            whys = collections.Counter(s["why"] for s in samples if t0 <= s["t_ms"] <= t1 and s["ready"] == 503)
            if whys:
                row("  /readyz said", whys.most_common(1)[0][0][:100])

    print("\nRate limit")
    limited = sim.get("rate_limited", [])
    by_cause = collections.Counter(e["cause"] for e in limited)
    row("429s served, by cause", dict(by_cause) or "none")
    early = [e for e in limited if e["next_api_request_ms"] is not None
             and e["next_api_request_ms"] - e["at_ms"] < e["retry_after_s"] * 1000 - 1000
             and e["next_api_request_ms"] - e["at_ms"] > 500]  # 0.5 s: requests already in flight
    def fault_at(sim_ms):
        wall = sim_ms + sim_epoch
        return next((f["fault"] for f in faults if f["start_ms"] <= wall <= f["start_ms"] + f["length_ms"] + 1000),
                    "outside the faults")
    row("429s followed by a request before Retry-After",
        f"{len(early)} {dict(collections.Counter(fault_at(e['at_ms']) for e in early)) if early else ''}")
    for f in faults:
        if not f["fault"].startswith("api_429"):
            continue
        t0, t1 = f["start_ms"] - sim_epoch, f["start_ms"] - sim_epoch + f["length_ms"]
        served = [e for e in limited if e["cause"] == "storm" and t0 <= e["at_ms"] <= t1 + 1000]
        ra = served[0]["retry_after_s"] if served else "?"
        requests = sum(1 for t in api_ms if t0 <= t <= t1)
        row(f"  {f['fault']} (Retry-After {ra} s, {f['length_ms'] / 1000:.0f} s)",
            f"{len(served)} 429s, {requests} requests (budget {args.rpm * f['length_ms'] / 60000:.0f})")
    if api_ms:
        window = collections.Counter(t // 60_000 for t in api_ms)
        row("API requests: total, busiest minute (budget/min)",
            f"{len(api_ms)}, {max(window.values())} ({args.rpm})")
    row("token requests / tokens issued", f"{sim.get('token_requests')} / {sim.get('tokens_issued')}")

    errors = lines(w / "enqueue-errors.txt")
    print("\nEnqueue (insightd enqueue every 2 s)")
    row("failed attempts (retried with the same IDs)", len(errors))
    if errors:
        row("first error", errors[0].split(" ", 1)[1][:110])

    log = lines(w / "daemon.log")
    level = re.compile(r"^\S+ (warning|error|critical) ")
    levels = collections.Counter(m.group(1) for line in log if (m := level.match(line)))
    print("\nDaemon log")
    row("lines, by level", f"{len(log)} {dict(levels)}")
    kinds = collections.Counter(re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}|\d+", "#", line.split(" ", 2)[-1])[:90]
                                for line in log if (m := level.match(line)) and m.group(1) != "warning")
    for text, n in kinds.most_common(6):
        row(f"  {n} x", text)

    failed = bool(lost) or bool(two_ids) or stuck > 0
    print("\nVERDICT:", "FAIL" if failed else "PASS",
          f"(lost {len(lost)}, real duplicates {len(two_ids)}, stuck {stuck}, restarts {len(restarts)})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
