#!/usr/bin/env python3
"""The tables of bench/load, from the files a run left in its work directory:
time.txt (/usr/bin/time -v of the daemon; time-N.txt of daemon N with
--daemons), audit.jsonl (one audit record per interaction cycle; audit-N.jsonl),
*-stats.json (GET /sim/stats), wrk.txt, rss.txt, status-*-us.txt,
sim-cpu.txt and redis-cpu.txt (samples taken by the script). `runs` reads
the per-run rows bench/load --runs prints on stdin instead."""
import argparse
import json
import os
import re
import statistics
import sys
from pathlib import Path


def percentile(values, p):
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, round(p / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def read_time(work):
    """User+system CPU seconds, peak RSS (MB) and elapsed seconds from /usr/bin/time -v;
    with several daemons, their CPU summed, the highest peak RSS and the longest run."""
    each = [read_one_time(path) for path in sorted(work.glob("time*.txt"))]
    return {
        "cpu_s": sum(t["cpu_s"] for t in each),
        "user_s": sum(t["user_s"] for t in each),
        "sys_s": sum(t["sys_s"] for t in each),
        "peak_rss_mb": max(t["peak_rss_mb"] for t in each),
        "elapsed_s": max(t["elapsed_s"] for t in each),
        "exit": ",".join(str(t["exit"]) for t in each),
    }


def read_one_time(path):
    text = path.read_text()
    def field(name):
        m = re.search(re.escape(name) + r":\s*(\S+)", text)
        return m.group(1) if m else None
    elapsed = field("Elapsed (wall clock) time (h:mm:ss or m:ss)") or "0:0"
    secs = 0.0
    for part in elapsed.split(":"):
        secs = secs * 60 + float(part)
    return {
        "cpu_s": float(field("User time (seconds)")) + float(field("System time (seconds)")),
        "user_s": float(field("User time (seconds)")),
        "sys_s": float(field("System time (seconds)")),
        "peak_rss_mb": int(field("Maximum resident set size (kbytes)")) / 1024,
        "elapsed_s": secs,
        "exit": field("Exit status"),
    }


def read_audit(work, path=None):
    """Every daemon's audit records (audit.jsonl, audit-N.jsonl), or those of one file."""
    records = []
    for audit in [path] if path else sorted(work.glob("audit*.jsonl")):
        for line in audit.read_text().splitlines():
            line = line.strip()
            if line.startswith("{"):
                records.append(json.loads(line))
    return records


def api_requests(stats, endpoint="agentassist_insights", status="200"):
    return stats.get("requests", {}).get(endpoint, {}).get(status, 0)


def row(label, value):
    print(f"  {label:<44} {value}")


def throughput(args):
    work = Path(args.work)
    t = read_time(work)
    audit = read_audit(work)
    stats = json.loads((work / "daemon-stats.json").read_text())
    done = [r for r in audit if r.get("outcome") == "done"]
    outcomes = {}
    for r in audit:
        outcomes[r.get("outcome")] = outcomes.get(r.get("outcome"), 0) + 1
    insights = sum(r.get("insight_count", 0) for r in done)
    pages = api_requests(stats)
    arrivals = stats.get("api_request_ms", [])
    window_s = (max(arrivals) - min(arrivals)) / 1000 if len(arrivals) > 1 else float("nan")
    e2e_s = args.e2e_ns / 1e9
    # Per-page fetch time as the daemon saw it: the audit's latency_ms covers the
    # whole fetch of one interaction (limiter + token + every page + parsing).
    per_page_ms = [r["latency_ms"] / r["pages"] for r in done if r.get("pages")]
    crm_file = work / "crm-stats.json"  # the CRM receiver's own simulator, unless --shared-crm
    crm = (json.loads(crm_file.read_text()) if crm_file.exists() else stats).get("crm", {})

    wrk = (work / "wrk.txt").read_text()
    raw_after = float(re.search(r"Requests/sec:\s*([\d.]+)", wrk).group(1))
    before_file = work / "wrk-before.txt"
    raw_before = (float(re.search(r"Requests/sec:\s*([\d.]+)", before_file.read_text()).group(1))
                  if before_file.exists() else raw_after)
    raw_rps = max(raw_before, raw_after)  # the host slows down at times: the slower run would flatter
    wrk_lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", wrk, re.M))
    wrk_errors = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", wrk)
    wrk_stats = json.loads((work / "wrk-stats.json").read_text())
    raw_pages = api_requests(wrk_stats)

    print(f"\n== throughput: {args.interactions} interactions, latency {args.latency_ms} ms, "
          f"concurrency {args.concurrency}")
    row("outcomes (audit records)", ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    row("CRM receipts (sim): signature ok / total",
        f"{sum(1 for r in crm.get('receipts', []) if r.get('signature_ok'))} / {len(crm.get('receipts', []))}")
    row("end-to-end time (run --drain)", f"{e2e_s:.2f} s")
    row("fetch window (first..last page request, sim)", f"{window_s:.2f} s")
    row("pages fetched (sim, HTTP 200)", pages)
    row("insights delivered (audit, outcome done)", insights)
    row("interactions/s (end-to-end)", f"{len(done) / e2e_s:.1f}")
    row("pages/s (end-to-end)", f"{pages / e2e_s:.1f}")
    row("pages/s (fetch window)", f"{pages / window_s:.1f}")
    row("insights/s (end-to-end)", f"{insights / e2e_s:.0f}")
    row("daemon CPU user+sys (time -v)", f"{t['cpu_s']:.2f} s ({t['user_s']:.2f} + {t['sys_s']:.2f})")
    row("CPU s per 1,000 insights", f"{t['cpu_s'] / (insights / 1000):.4f}" if insights else "n/a")
    row("peak RSS (time -v)", f"{t['peak_rss_mb']:.1f} MB")
    sim_cpu = work / "sim-cpu.txt"
    if sim_cpu.exists():
        api_ticks, crm_ticks, hz = (int(x) for x in sim_cpu.read_text().split())
        api_s, crm_s = api_ticks / hz, crm_ticks / hz
        row("simulators' CPU meanwhile: API / CRM", f"{api_s:.2f} s / {crm_s:.2f} s")  # CRM 0: --shared-crm
        redis_s = 0.0
        redis_cpu = work / "redis-cpu.txt"
        if redis_cpu.exists():
            ticks, hz = (int(x) for x in redis_cpu.read_text().split())
            redis_s = ticks / hz
            row("redis-server's CPU meanwhile", f"{redis_s:.2f} s")
        cores = os.cpu_count() or 1
        busy = (t["cpu_s"] + api_s + crm_s + redis_s) / (cores * e2e_s)
        row("machine CPU used by daemon + simulators" + (" + redis" if redis_cpu.exists() else ""),
            f"{100 * busy:.0f} % of {cores} cores")
    redis_commands(work, len(audit))
    row("per-page fetch time p50 / p99 (audit)",
        f"{percentile(per_page_ms, 50):.2f} / {percentile(per_page_ms, 99):.2f} ms" if per_page_ms else "n/a")
    # The request budget's share of it: on Redis a wait for the shared budget's reply.
    waits = [r.get("rate_limited_ms", 0) for r in done]
    row("budget wait per interaction mean / p50 (audit rate_limited_ms)",
        f"{statistics.mean(waits):.2f} / {percentile(waits, 50):.2f} ms, "
        f"{100 * sum(1 for w in waits if w > 0) / len(waits):.0f} % waited" if waits else "n/a")
    print(f"  raw upstream: wrk -c {args.concurrency}, same 100-entity page requests")
    row("raw pages/s (wrk Requests/sec), the higher", f"{raw_rps:.1f}")
    row("raw pages/s before / after the daemon run", f"{raw_before:.1f} / {raw_after:.1f}")
    row("raw pages served 200 (sim, after)", raw_pages)
    row("raw latency p50 / p99 (wrk, after)", f"{wrk_lat.get('50', '?')} / {wrk_lat.get('99', '?')}")
    if wrk_errors:
        row("wrk non-2xx responses", wrk_errors.group(1))
    print(f"  RATIO daemon pages/s / raw pages/s: {pages / window_s / raw_rps:.2f} (fetch window), "
          f"{pages / e2e_s / raw_rps:.2f} (end-to-end)   target >= 0.70")


def budget(args):
    work = Path(args.work)
    t = read_time(work)
    stats = json.loads((work / "daemon-stats.json").read_text())
    arrivals = sorted(stats.get("api_request_ms", []))
    limited = stats.get("rate_limited", [])
    first = arrivals[0] if arrivals else 0
    window_ms = args.window_s * 1000
    in_window = [a for a in arrivals if a - first < window_ms]
    budget_requests = args.rpm * args.window_s / 60
    # Past the first 5 s the bucket's initial burst no longer counts: the steady rate.
    steady = [a for a in arrivals if 5000 <= a - first < window_ms]
    steady_rate = len(steady) / ((window_ms - 5000) / 60000) if window_ms > 5000 else float("nan")
    print(f"\n== budget: requests_per_minute {args.rpm} (burst {args.burst}) against a sim enforcing the same, "
          f"{args.daemons} daemon(s)")
    row("API requests in the first window (sim)", f"{len(in_window)} in {args.window_s} s from the first request")
    row("budget for that window (rpm x window)", f"{budget_requests:.0f} (+ burst {args.burst})")
    row("budget used", f"{100 * len(in_window) / budget_requests:.1f} %   target >= 97 %")
    row("steady rate after the first 5 s", f"{steady_rate:.0f}/min = {100 * steady_rate / args.rpm:.1f} % of the budget")
    row("429s received (sim)", f"{len(limited)}   target 0")
    row("token requests (sim)", stats.get("token_requests", 0))
    redis_commands(work, len(read_audit(work)))
    if args.daemons > 1:
        audits = sorted(work.glob("audit*.jsonl"))
        done = [sum(1 for r in read_audit(work, a) if r.get("outcome") == "done") for a in audits]
        row("interactions done per daemon (audit)", " / ".join(str(d) for d in done))
        row("daemons' exit status", t["exit"])
    row("daemon CPU user+sys / peak RSS" + (" (all daemons / highest)" if args.daemons > 1 else ""),
        f"{t['cpu_s']:.2f} s / {t['peak_rss_mb']:.1f} MB")


def redis_commands(work, interactions):
    """Calls per interaction and server time of each command redis-server ran (INFO commandstats)."""
    path = work / "redis-commandstats.txt"
    if not path.exists() or not interactions:
        return
    stats = []
    for line in path.read_text().splitlines():
        m = re.match(r"cmdstat_([^:]+):calls=(\d+),usec=(\d+)", line)
        if m:
            stats.append((m.group(1), int(m.group(2)), int(m.group(3))))
    calls = sum(c for _, c, _ in stats)
    usec = sum(u for _, _, u in stats)
    row("Redis commands per interaction (commandstats)", f"{calls / interactions:.2f}: " + ", ".join(
        f"{name} {c / interactions:.2f}" for name, c, _ in sorted(stats, key=lambda s: -s[1]) if c / interactions >= 0.01))
    row("Redis server time per interaction", f"{usec / interactions:.0f} µs ({usec / max(calls, 1):.1f} µs per command)")


def read_samples(path):
    if not path.exists():
        return []
    return [int(x) for x in path.read_text().split() if x.strip().isdigit()]


def scale(args):
    work = Path(args.work)
    t = read_time(work)
    rss_kb = read_samples(work / "rss.txt")
    idle_us = read_samples(work / "status-idle-us.txt")
    busy_us = read_samples(work / "status-busy-us.txt")
    before = json.loads((work / "status-before.json").read_text())
    after = json.loads((work / "status-after.json").read_text())
    audit = read_audit(work)
    done = sum(1 for r in audit if r.get("outcome") == "done")
    print(f"\n== scale: {args.interactions} queued IDs, bounded run of {args.window_s} s stopped by SIGTERM")
    row("queue before (status --json)", json.dumps(before, separators=(",", ":")))
    row("queue after", json.dumps(after, separators=(",", ":")))
    row("interactions done during the run (audit)", done)
    if rss_kb:
        row("VmRSS samples (0.5 s)", len(rss_kb))
        row("VmRSS first / median / peak", f"{rss_kb[0] / 1024:.1f} / {statistics.median(rss_kb) / 1024:.1f} / "
            f"{max(rss_kb) / 1024:.1f} MB   target < 64 MB")
    row("peak RSS (time -v)", f"{t['peak_rss_mb']:.1f} MB")
    for label, values in (("idle", idle_us), ("while the daemon runs", busy_us)):
        if values:
            ms = [v / 1000 for v in values]
            row(f"insightd status latency, {label}",
                f"p50 {percentile(ms, 50):.1f} ms, max {max(ms):.1f} ms (n={len(ms)})   target < 100 ms")
    if (work / "status-errors.txt").exists():
        failures = (work / "status-errors.txt").read_text().splitlines()
        row("status failures", len(failures))
        for line in sorted(set(failures)):
            print(f"    {line[:300]}")


def runs(_args):
    """bench/load --runs: one row per daemon run on stdin, "RUN BACKEND PAGES_E2E
    PAGES_WINDOW RATIO_E2E RATIO_WINDOW" (ratios to the raw wrk limit)."""
    rows = []
    for line in sys.stdin:
        f = line.split()
        if len(f) == 6:
            rows.append({"run": int(f[0]), "backend": f[1], "e2e": float(f[2]), "window": float(f[3]),
                         "raw_e2e": float(f[4]), "raw_window": float(f[5])})
    listed = lambda xs: " ".join("%.2f" % x for x in xs)
    median = statistics.median
    backends = sorted({r["backend"] for r in rows}, key=["sqlite", "redis"].index)
    print()
    for b in backends:
        mine = [r for r in rows if r["backend"] == b]
        e2e, window = [r["raw_e2e"] for r in mine], [r["raw_window"] for r in mine]
        print(f"== {len(mine)} runs, {b}: ratio to raw end-to-end {listed(e2e)}; fetch window {listed(window)}")
        print(f"  pages/s end-to-end {' '.join('%.0f' % r['e2e'] for r in mine)}; "
              f"fetch window {' '.join('%.0f' % r['window'] for r in mine)}")
        print(f"  MEDIAN RATIO: {median(e2e):.2f} (end-to-end), {median(window):.2f} (fetch window)"
              f"   target >= 0.70;  median pages/s {median([r['e2e'] for r in mine]):.0f} (end-to-end), "
              f"{median([r['window'] for r in mine]):.0f} (fetch window)")
    if len(backends) == 2:
        by_run = {}
        for r in rows:
            by_run.setdefault(r["run"], {})[r["backend"]] = r
        pairs = [p for p in by_run.values() if len(p) == 2]
        e2e = [p["redis"]["e2e"] / p["sqlite"]["e2e"] for p in pairs]
        window = [p["redis"]["window"] / p["sqlite"]["window"] for p in pairs]
        print(f"== redis / sqlite pages/s, run by run: end-to-end {listed(e2e)}; fetch window {listed(window)}")
        print(f"  MEDIAN REDIS/SQLITE: {median(e2e):.2f} (end-to-end), {median(window):.2f} (fetch window)"
              f"   target >= 0.80")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["throughput", "budget", "scale", "runs"])
    parser.add_argument("--work")
    parser.add_argument("--e2e-ns", type=int, default=0)
    parser.add_argument("--interactions", type=int, default=0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency-ms", type=int, default=2)
    parser.add_argument("--rpm", type=int, default=3000)
    parser.add_argument("--burst", type=int, default=10)
    parser.add_argument("--window-s", type=int, default=60)
    parser.add_argument("--daemons", type=int, default=1)
    args = parser.parse_args()
    {"throughput": throughput, "budget": budget, "scale": scale, "runs": runs}[args.mode](args)


if __name__ == "__main__":
    main()
