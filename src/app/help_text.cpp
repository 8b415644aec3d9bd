// SPDX-License-Identifier: Apache-2.0
// The man-page-style text of `insightd --help`: CLI11 prints the usage and
// every subcommand with its options between these two parts.
#include "insightd/app/commands.hpp"

namespace insightd::app {

std::string help_description() {
  return "insightd - sync Genesys Cloud Agent Assist insights to a CRM webhook\n"
         "\n"
         "Takes interaction IDs from a durable work queue, fetches their insights from\n"
         "Genesys Cloud CX, checks them (schema, freshness, PII), delivers them to a\n"
         "signed CRM webhook and writes one audit record per interaction.\n"
         "Normally started by systemd as `insightd run` (insightd.service).\n";
}

std::string help_footer() {
  return R"(FILES
  /etc/insightd/insightd.yaml
      The configuration (default for -c). Every key, its default and its
      meaning: /usr/share/doc/insightd/insightd.example.yaml.
  /var/lib/insightd/insightd.db
      Work queue, outbox and dead letters (SQLite; queue.sqlite.path).
  $CREDENTIALS_DIRECTORY/genesys-secret, $CREDENTIALS_DIRECTORY/crm-secret
      The Genesys client secret and the CRM signing secret, passed by systemd
      LoadCredential=. Secrets are never logged.

EXIT STATUS
  0   success (check-config: the configuration is valid)
  1   runtime failure (database, upstream or delivery could not be used)
  2   usage error or invalid configuration (each problem as FILE:LINE:COL);
      migrate refused because a daemon holds leases or runs on the target

SIGNALS
  SIGTERM, SIGINT
      Graceful stop: no new work is leased; in-flight interactions get
      queue.shutdown_grace to finish, the rest go back to the queue.
  SIGHUP
      Reload the configuration. An invalid one is rejected, logged, and the
      daemon keeps running on the previous one.

ENVIRONMENT
  CREDENTIALS_DIRECTORY   where *_file secrets are looked up (LoadCredential=)
  NOTIFY_SOCKET           sd_notify readiness, reloading and stopping (Type=notify)
  WATCHDOG_USEC           watchdog interval; pings come from the event loop
  JOURNAL_STREAM          set by systemd: audit.sink auto then writes to journald
  ${VAR} references in the configuration are read from the environment.

SEE ALSO
  insightd-sim --help, journalctl -u insightd,
  /usr/share/doc/insightd/insightd.example.yaml
)";
}

}  // namespace insightd::app
