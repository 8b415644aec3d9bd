#!/usr/bin/env python3
"""The tables of bench/intake, from the files a run left in its work directory:
stats.json (GET /sim/stats), enqueued.txt (`id created_at` of every queue row,
created_at in Unix ms, written when the row is inserted) and daemon.err (the
daemon log with one {"event":"intake_reconcile",...} line per reconciliation run)."""
import argparse
import json
import math
import re
from pathlib import Path

from load_report import percentile  # nearest rank, as bench/load reports

INTAKE_ENDPOINTS = ["notifications_channels", "notifications_subscriptions",
                    "analytics_conversations_query", "assistants", "assistant_queues"]
DEFAULT_INTERVAL_MIN = 5   # intake.reconcile.interval
DEFAULT_OVERLAP_MIN = 15   # intake.reconcile.overlap
PAGE_SIZE = 100
CHANNEL_LIFETIME_H = 23    # the intake replaces a channel after 23 h
BUDGET_PER_HOUR = 300 * 60  # genesys.requests_per_minute default


def minutes(duration):
    m = re.fullmatch(r"(\d+)(ms|s|m|h)", duration)
    if not m:
        raise SystemExit(f"intake_report: cannot read the duration {duration!r}")
    value, unit = int(m.group(1)), m.group(2)
    return value * {"ms": 1 / 60000, "s": 1 / 60, "m": 1, "h": 60}[unit]


def row(label, value):
    print(f"  {label:<62} {value}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True, type=Path)
    ap.add_argument("--seconds-ms", required=True, type=int)
    ap.add_argument("--reconcile-interval", required=True)
    ap.add_argument("--queues", required=True, type=int)
    ap.add_argument("--per-minute", required=True, type=float)
    args = ap.parse_args()

    stats = json.loads((args.work / "stats.json").read_text())
    platform = stats["platform"]
    epoch = stats["epoch_unix_ms"]
    enqueued = {}
    for line in (args.work / "enqueued.txt").read_text().splitlines():
        conversation, created = line.split()
        enqueued[conversation] = int(created)
    records = []
    for line in (args.work / "daemon.err").read_text().splitlines():
        brace = line.find('{"event":"intake_reconcile"')
        if brace >= 0:
            records.append(json.loads(line[brace:]))

    # Live path: conversations whose end event reached an open socket. The
    # others (ended before the socket was up) only reconciliation could find.
    unheard = set(platform["conversations_finished_unheard"])
    finished_ms = platform["conversation_finished_ms"]
    # A conversation queued before its end event was queued by a reconciliation
    # run: the analytics query reports a conversation once the customer has
    # left (conversationEnd), while the finished rule also waits for wrap-up.
    latencies, not_enqueued, reconcile_first = [], [], 0
    for conversation in platform["conversations_finished"]:
        if conversation in unheard:
            continue
        if conversation not in enqueued:
            not_enqueued.append(conversation)
            continue
        latency = enqueued[conversation] - (epoch + finished_ms[conversation])
        if latency < 0:
            reconcile_first += 1
        else:
            latencies.append(latency)

    # End to end on the same (simulator) clock: the first CRM receipt of a
    # conversation heard live, whatever the pipeline in between.
    first_receipt = {}
    for receipt in stats["crm"]["receipts"]:
        conversation = receipt["interaction_id"]
        first_receipt[conversation] = min(first_receipt.get(conversation, receipt["at_ms"]), receipt["at_ms"])
    delivered = [first_receipt[c] - finished_ms[c] for c in platform["conversations_finished"]
                 if c not in unheard and c in first_receipt and c in enqueued
                 and enqueued[c] >= epoch + finished_ms[c]]

    period_h = args.seconds_ms / 3_600_000
    print(f"== live path: conversation end (simulator) -> queue row written (enqueue_delay 0s)")
    row("conversations ended", len(platform["conversations_finished"]))
    row("  ended before the socket was up (not counted)", len(unheard))
    row("  queued by reconciliation before wrap-up ended (not counted)", reconcile_first)
    row("  heard live and measured", len(latencies))
    row("  heard but not queued when the daemon stopped", len(not_enqueued))
    if latencies:
        row("latency p50 / p99 / max (ms)",
            f"{percentile(latencies, 50)} / {percentile(latencies, 99)} / {max(latencies)}")
        row("latency min (ms)", min(latencies))
    if delivered:
        row("end -> first CRM receipt p50 / p99 / max (ms)",
            f"{percentile(delivered, 50)} / {percentile(delivered, 99)} / {max(delivered)} "
            f"({len(delivered)} conversations)")

    print(f"== requests the intake took from the budget, counted at the simulator over "
          f"{args.seconds_ms / 1000:.0f} s")
    counts = {e: sum(stats["requests"].get(e, {}).values()) for e in INTAKE_ENDPOINTS}
    for endpoint, n in counts.items():
        if n:
            row(endpoint, n)
    total = sum(counts.values())
    row("total", total)
    row("as measured, per hour (reconcile every " + args.reconcile_interval + ")",
        f"{total / period_h:.0f}")
    runs = len(records)
    pages = sum(r["pages"] for r in records)
    row("reconciliation runs / pages (from the daemon log)", f"{runs} / {pages}")
    as_modelled = sum(1 for r in records if r["pages"] == max(1, math.ceil(r["ended"] / PAGE_SIZE)))
    row("runs whose pages = max(1, ceil(ended / 100))", f"{as_modelled} of {runs}")
    channel_requests = counts["notifications_channels"] + counts["notifications_subscriptions"]
    row("channel set-up requests (create + subscribe)", channel_requests)

    # Extrapolation to the defaults: a run every 5 m reads the window from the
    # watermark minus 15 m, so in steady state each run pages through the
    # conversations that ended in the last 20 m; the channel is renewed every 23 h.
    window_min = DEFAULT_INTERVAL_MIN + DEFAULT_OVERLAP_MIN
    per_run_pages = max(1, math.ceil(args.per_minute * window_min / PAGE_SIZE))
    runs_per_hour = 60 / DEFAULT_INTERVAL_MIN
    channels = max(1, math.ceil(args.queues / 1000))
    per_hour = runs_per_hour * per_run_pages + 2 * channels / CHANNEL_LIFETIME_H
    print(f"== per hour with the defaults (reconcile every {DEFAULT_INTERVAL_MIN} m, "
          f"overlap {DEFAULT_OVERLAP_MIN} m), {args.queues} queues, {args.per_minute:g} conversations/min")
    row("pages per run (conversations ended in 20 m / 100)", per_run_pages)
    row("runs per hour", f"{runs_per_hour:g}")
    row("channel renewals per hour (2 requests each)", f"{channels / CHANNEL_LIFETIME_H:.3f}")
    row("requests per hour", f"{per_hour:.1f}")
    row("share of the default budget (300/min = 18,000/h)", f"{100 * per_hour / BUDGET_PER_HOUR:.2f} %")
    row("each reconnect adds (create + subscribe + one run)", f"{2 + per_run_pages} requests")


if __name__ == "__main__":
    main()
