#!/usr/bin/env python3
"""bench/soak's sampler: every 2 s, one JSON line in samples.jsonl with the
daemon's RSS and CPU (from /proc), its queue and outbox depth and outcome
counters (from /metrics), and what /readyz answers. Ends when the work
directory holds `stopping`."""
import argparse
import json
import os
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

METRIC = re.compile(r'^(insightd_[a-z_]+)(?:\{([^}]*)\})? ([0-9.eE+-]+)$')
WANTED = ("insightd_queue_depth", "insightd_outbox_depth", "insightd_interactions_total",
          "insightd_crm_deliveries_total", "insightd_token_refreshes_total")


def get(url, timeout=2.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode(errors="replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")
    except (OSError, urllib.error.URLError):
        return None, ""


def metrics(text):
    out = {}
    for line in text.splitlines():
        m = METRIC.match(line)
        if m and m.group(1) in WANTED:
            labels = m.group(2) or ""
            out[m.group(1) + ("{" + labels + "}" if labels else "")] = float(m.group(3))
    return out


def proc(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None, None
    rss = int(re.search(r"^VmRSS:\s+(\d+)", status, re.M).group(1))
    fields = stat[stat.rindex(")") + 2:].split()
    return rss, int(fields[11]) + int(fields[12])  # utime + stime, clock ticks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--admin", required=True)
    ap.add_argument("--period", type=float, default=2.0)
    args = ap.parse_args()
    out = open(args.work / "samples.jsonl", "a", buffering=1)
    while not (args.work / "stopping").exists():
        started = time.time()
        pid = (args.work / "daemon.pid").read_text().strip() if (args.work / "daemon.pid").exists() else ""
        rss, ticks = proc(pid) if pid else (None, None)
        code, text = get(args.admin + "/metrics")
        ready, why = get(args.admin + "/readyz")
        out.write(json.dumps({"t_ms": int(started * 1000), "pid": pid, "rss_kb": rss, "cpu_ticks": ticks,
                              "ready": ready, "why": why.strip()[:200], "metrics": metrics(text) if code == 200 else {}})
                  + "\n")
        time.sleep(max(0.0, args.period - (time.time() - started)))
    out.close()


if __name__ == "__main__":
    main()
