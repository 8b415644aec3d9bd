#!/usr/bin/python3
"""The web console in a real browser.

--scenario queue (the default): starts the real insightd-sim (its CRM fails
the first two attempts of every webhook) and the real `insightd run` (two CRM
attempts, PII blocked, no intake), so the queue holds delivery dead letters, a
PII dead letter and a failed fetch. Then headless Chromium logs in to the
console, checks the counts it shows equal `insightd status --json`, replays
one dead letter with its button and watches it reach the simulator's CRM and
the console's live counts, checks the same request without the CSRF token is
refused, and that the intake view says the intake is not configured.

--scenario intake: the simulator plays the platform (conversations on two
queues, a share of the notification events dropped) and the daemon runs the
intake; the socket is cut once. The console's intake view shows what
`insightd intake status --json` says: the leader, the socket, the queues, what
each path found, the reconciliation and the problem the cut caused.

Both save a screenshot.

/usr/bin/python3 on purpose: Debian's python3-selenium lives there.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

ADMIN_TOKEN = "console-test-token-4f9a"
CLIENT_ID = "console-client"
CLIENT_SECRET = "console-client-secret-77"
CRM_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
DELIVERY_DEAD = [f"console-{n}" for n in range(1, 6)]  # the CRM refuses both attempts
PII_DEAD = "console-6-pii"  # blocked by governance.pii: block
FAILED = "console-7-notfound"  # the API answers 404
REPLAYED = DELIVERY_DEAD[0]
INTAKE_QUEUES = ["q-sales", "q-support"]
INTAKE_CONVERSATIONS = 30


def eventually(condition, what, limit=60.0):
    """Polls a condition another process makes true; returns its value."""
    deadline = time.monotonic() + limit
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {limit:.0f} s waiting for {what}")
        time.sleep(0.05)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Run:
    def __init__(self, args):
        self.args = args
        self.dir = os.path.abspath(args.workdir)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.processes = []

    def spawn(self, name, argv, env=None):
        out = open(os.path.join(self.dir, name + ".out"), "wb")
        err = open(os.path.join(self.dir, name + ".err"), "wb")
        process = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                   env={**os.environ, **(env or {})})
        self.processes.append(process)
        return process

    def log(self, name):
        with open(os.path.join(self.dir, name + ".err"), encoding="utf-8", errors="replace") as f:
            return f.read()

    def write(self, name, text, mode=0o600):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(path, mode)
        return path

    def start_sim(self, *extra):
        port_file = os.path.join(self.dir, "sim.port")
        self.spawn("sim", [self.args.sim, "--port", "0", "--port-file", port_file, "--client-id", CLIENT_ID,
                           *extra],
                   env={"INSIGHTD_SIM_CLIENT_SECRET": CLIENT_SECRET, "INSIGHTD_SIM_CRM_SECRET": CRM_SECRET})

        def port():
            if not os.path.exists(port_file):
                return None
            text = open(port_file, encoding="ascii").read()
            return int(text) if text.endswith("\n") else None

        self.sim_url = f"http://127.0.0.1:{eventually(port, 'insightd-sim to listen')}"

    def write_config(self, intake=""):
        secret = self.write("genesys-secret", CLIENT_SECRET + "\n")
        crm_secret = self.write("crm-secret", CRM_SECRET + "\n")
        token = self.write("admin-token", ADMIN_TOKEN + "\n")
        self.config = self.write("insightd.yaml", f"""genesys:
  api_base_url: {self.sim_url}
  login_base_url: {self.sim_url}
  client_id: {CLIENT_ID}
  client_secret_file: {secret}
  source: agentassist
  requests_per_minute: 6000
  burst: 50
  concurrency: 4
  request_timeout: 5s
  retry: {{max_attempts: 2, initial: 20ms, max: 100ms}}
governance:
  max_age: 24h
  stale: drop
  pii: block
crm:
  url: {self.sim_url}/crm/ingest
  signing_secret_file: {crm_secret}
  timeout: 5s
  max_attempts: 2
  backoff: {{initial: 20ms, max: 100ms}}
  breaker_failures: 100000
queue:
  backend: sqlite
  sqlite: {{path: {self.dir}/insightd.db}}
admin:
  listen: 127.0.0.1:0
  token_file: {token}
audit:
  sink: stdout
{intake}""", mode=0o644)

    def insightd(self, *args, stdin=None):
        result = subprocess.run([self.args.insightd, *args, "-c", self.config], input=stdin,
                                capture_output=True, text=True, timeout=60)
        check(result.returncode == 0, f"insightd {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        return result.stdout

    def status(self):
        return json.loads(self.insightd("status", "--json"))

    def start_daemon(self):
        self.daemon = self.spawn("daemon", [self.args.insightd, "run", "-c", self.config])

        def bound():
            m = re.search(r"admin endpoint on http://127\.0\.0\.1:(\d+)", self.log("daemon"))
            return m and int(m.group(1))

        self.admin_url = f"http://127.0.0.1:{eventually(bound, 'the admin endpoint')}"

    def sim_stats(self):
        with urllib.request.urlopen(self.sim_url + "/sim/stats", timeout=10) as r:
            return json.load(r)

    def sim_control(self, path):
        request = urllib.request.Request(self.sim_url + path, method="POST", data=b"")
        with urllib.request.urlopen(request, timeout=10) as r:
            return json.load(r)

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def post(url, cookie, headers=None):
    """A POST outside the browser, with the session cookie and optional headers."""
    host, port = url.split("//")[1].split("/")[0].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    path = "/" + url.split("//")[1].split("/", 1)[1]
    connection.request("POST", path, headers={"Cookie": cookie, **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def browser(args, user_data_dir):
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1100", f"--user-data-dir={user_data_dir}"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(args.chromedriver), options=options)


def shown_counts(driver):
    return {e.get_attribute("id")[len("count-"):]: int(e.text)
            for e in driver.find_elements(By.CSS_SELECTOR, "#counts dd")}


def log_in(driver, wait, admin_url):
    """Logs in with the admin token (a wrong one first); returns the session cookie."""
    driver.get(admin_url + "/")
    check(driver.title == "insightd console: log in", f"not the login form: {driver.title}")
    driver.find_element(By.ID, "token").send_keys("wrong-token")
    driver.find_element(By.ID, "login").click()
    wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".message"), "not the admin token"))
    driver.find_element(By.ID, "token").send_keys(ADMIN_TOKEN)
    driver.find_element(By.ID, "login").click()
    wait.until(ec.title_is("insightd console"))
    cookie = driver.get_cookie("insightd_console")
    check(cookie and cookie["httpOnly"] and cookie["sameSite"] == "Strict", f"session cookie {cookie}")
    check(driver.execute_script("return document.cookie") == "", "the session cookie is readable by script")
    return cookie


def queue_scenario(run, args, driver, wait):
    run.start_sim("--crm-fail-first", "2")
    run.write_config()
    run.insightd("enqueue", "-", stdin="\n".join(DELIVERY_DEAD + [PII_DEAD, FAILED]) + "\n")
    run.start_daemon()
    settled = eventually(lambda: (lambda s: s if s["dead"] == 6 and s["failed"] == 1 else None)(run.status()),
                         "five delivery dead letters, one PII dead letter and one failed fetch")
    check(settled["done"] == 0 and settled["pending"] == 0, f"unexpected queue state {settled}")
    check(REPLAYED not in run.sim_stats()["crm"]["interactions_delivered"], "the CRM accepted a first attempt")

    cookie = log_in(driver, wait, run.admin_url)
    # The counts shown are those of `insightd status --json`.
    wait.until(lambda d: len(shown_counts(d)) > 0)
    shown = shown_counts(driver)
    expected = {k: v for k, v in run.status().items() if isinstance(v, int)}
    check(shown == expected, f"console shows {shown}, insightd status --json says {expected}")

    rows = driver.find_elements(By.CSS_SELECTOR, "#failure-rows tr")
    check(len(rows) == 7, f"{len(rows)} failure rows, expected 7")
    text = driver.find_element(By.TAG_NAME, "main").text
    for interaction in DELIVERY_DEAD + [PII_DEAD, FAILED]:
        check(interaction in text, f"{interaction} is not listed")
    check("@" not in text, "something that looks like an email address is on the page")

    # Without the CSRF token the same replay is refused: from the page's own
    # origin (fetch, cookie sent), and from outside with the stolen cookie.
    session = f"insightd_console={cookie['value']}"
    replay_url = f"{run.admin_url}/console/api/replay/{REPLAYED}"
    in_page = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {method: 'POST'}).then(r => done(r.status), e => done(String(e)));",
        replay_url)
    check(in_page == 403, f"a replay without the CSRF token from the page got {in_page}")
    status, body = post(replay_url, session)
    check(status == 403, f"a replay without the CSRF token got {status}: {body!r}")
    status, _ = post(replay_url, session, {"X-CSRF-Token": "forged"})
    check(status == 403, f"a replay with a forged CSRF token got {status}")
    check(run.status()["dead"] == 6, "a refused replay changed the queue")

    # Replay one dead letter with its button: it reaches the CRM (accepted
    # on its third attempt), and the live refresh shows it done.
    driver.find_element(By.CSS_SELECTOR, f'button[data-replay="{REPLAYED}"]').click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "notice"), f"Re-queued {REPLAYED}."))
    eventually(lambda: REPLAYED in run.sim_stats()["crm"]["interactions_delivered"],
               f"{REPLAYED} to reach the simulator's CRM")
    wait.until(ec.text_to_be_present_in_element((By.ID, "count-done"), "1"))
    after = run.status()
    check(after["done"] == 1 and after["dead"] == 5, f"after the replay: {after}")
    wait.until(lambda d: shown_counts(d) == {k: v for k, v in after.items() if isinstance(v, int)})
    check(len(driver.find_elements(By.CSS_SELECTOR, "#failure-rows tr")) == 6, "the replayed row is still listed")

    # This daemon has no intake section and none ever ran on this queue.
    wait.until(ec.text_to_be_present_in_element((By.ID, "intake-state"), "Intake not configured"))
    check(not driver.find_element(By.ID, "intake-facts").is_displayed(), "intake details shown without an intake")


def intake_status(run):
    return json.loads(run.insightd("intake", "status", "--json"))


def intake_scenario(run, args, driver, wait):
    run.start_sim("--queues", ",".join(INTAKE_QUEUES), "--conversations-per-minute", "600",
                  "--conversations-total", str(INTAKE_CONVERSATIONS), "--drop-events", "0.3",
                  "--heartbeat-interval-ms", "500")
    run.write_config(intake=f"""intake:
  queues: [{", ".join(INTAKE_QUEUES)}]
  enqueue_delay: 0s
  notifications: {{enabled: true, heartbeat_timeout: 10s}}
  reconcile: {{interval: 2s, overlap: 5m, lookback: 1h}}
""")
    run.start_daemon()
    eventually(lambda: run.sim_stats()["platform"]["sockets_accepted"] >= 1, "the intake to open its socket")
    run.sim_control("/sim/notifications/cut")
    eventually(lambda: run.sim_stats()["platform"]["sockets_accepted"] >= 2, "the intake to reconnect")

    def all_found():
        s = intake_status(run)
        found = s["found_notifications"] + s["found_reconcile"]
        return s if found == INTAKE_CONVERSATIONS and s["socket"] == "connected" and s["reconnects"] >= 1 \
            and s["last_reconcile_found"] == INTAKE_CONVERSATIONS and s["problems"] else None

    status = eventually(all_found, f"the intake to find all {INTAKE_CONVERSATIONS} conversations", limit=120)
    check(status["leader"] and f"(pid {run.daemon.pid})" in status["daemon"], f"leader {status['daemon']!r}")

    log_in(driver, wait, run.admin_url)
    text = lambda d, id: d.find_element(By.ID, id).text
    # The console shows what `insightd intake status --json` says (live: the
    # page refreshes itself; the found counts no longer change).
    wait.until(lambda d: text(d, "intake-found") ==
               f"{status['found_notifications']} by notifications, {status['found_reconcile']} by "
               f"reconciliation; {status['reconnects']} reconnect(s)")
    check(text(driver, "intake-state") == "Running on this deployment.", text(driver, "intake-state"))
    check(text(driver, "intake-leader") == status["daemon"], f"leader shown: {text(driver, 'intake-leader')}")
    check(re.fullmatch(r"connected since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+ (s|min) ago\)",
                       text(driver, "intake-socket")), f"socket shown: {text(driver, 'intake-socket')}")
    check(text(driver, "intake-queues") == f"{len(INTAKE_QUEUES)}: {', '.join(INTAKE_QUEUES)}",
          f"queues shown: {text(driver, 'intake-queues')}")
    check(f": {INTAKE_CONVERSATIONS} ended conversation(s), " in text(driver, "intake-reconcile"),
          f"reconciliation shown: {text(driver, 'intake-reconcile')}")
    check(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", text(driver, "intake-watermark")),
          f"watermark shown: {text(driver, 'intake-watermark')}")
    check(re.fullmatch(r"\S+ \S+ UTC to \S+ \S+ UTC", text(driver, "intake-window")),
          f"window shown: {text(driver, 'intake-window')}")
    check(text(driver, "intake-last-event") != "none yet", "no last event shown")
    check(text(driver, "intake-channels") == ", ".join(intake_status(run)["channels"]), "channels differ")
    # The cut is among the recent problems, newest first, as the status has them.
    problems = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#intake-problems li")]
    newest = intake_status(run)["problems"][-1]["message"]
    check(problems and problems[0].endswith(" " + newest), f"problems shown {problems}, newest recorded {newest!r}")
    check("@" not in driver.find_element(By.ID, "intake").text, "an email address in the intake view")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--insightd", required=True)
    parser.add_argument("--sim", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--screenshot", required=True, help="where to save the PNG")
    parser.add_argument("--scenario", choices=["queue", "intake"], default="queue")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    for tool in (args.chromium, args.chromedriver):
        check(os.access(tool, os.X_OK), f"{tool} is missing: install chromium and chromium-driver (scripts/test does)")

    run = Run(args)
    driver = None
    try:
        driver = browser(args, os.path.join(run.dir, "chromium-profile"))
        wait = WebDriverWait(driver, 30)
        scenario = intake_scenario if args.scenario == "intake" else queue_scenario
        scenario(run, args, driver, wait)
        driver.save_screenshot(args.screenshot)
        print(f"console test ({args.scenario}) passed; screenshot in {args.screenshot}")
        return 0
    finally:
        if driver is not None:
            driver.quit()
        run.stop()


if __name__ == "__main__":
    sys.exit(main())
