// SPDX-License-Identifier: Apache-2.0
// insightd: command-line entry point. Parsing only; every command lives in app/.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "insightd/app/commands.hpp"
#include "insightd/observability/logging.hpp"

int main(int argc, char** argv) {
  using namespace insightd::app;
  CLI::App cli{help_description(), "insightd"};
  // --help reads like a man page: every subcommand with its options (the
  // subcommands added below inherit this flag). Set before adding them.
  cli.set_help_flag();
  cli.set_help_all_flag("-h,--help", "print this help and exit");
  cli.set_version_flag("-V,--version", std::string("insightd ") + INSIGHTD_VERSION,
                       "print the version and exit");
  cli.require_subcommand(1);
  std::string config = kDefaultConfigPath;

  auto add_config = [&](CLI::App* sub) {
    sub->add_option("-c,--config", config, "configuration file")->capture_default_str();
  };

  bool drain = false;
  auto* run = cli.add_subcommand("run", "run the daemon in the foreground (systemd Type=notify)");
  add_config(run);
  run->add_flag("--drain", drain, "exit 0 once the queue is empty and every delivery is settled");

  bool connect = false;
  auto* check = cli.add_subcommand("check-config", "validate the configuration; exit 0 valid, 2 invalid");
  add_config(check);
  check->add_flag("--connect", connect,
                  "then try the Genesys login, the CRM URL (HEAD) and Redis; exit 1 if one fails");

  std::vector<std::string> ids;
  auto* enqueue =
      cli.add_subcommand("enqueue", "add interaction IDs to the work queue ('-': one per line on stdin)");
  add_config(enqueue);
  enqueue->add_option("ids", ids, "interaction IDs, or - for stdin")->required();

  std::string id;
  auto* fetch = cli.add_subcommand(
      "fetch", "retrieve, validate and govern one interaction; print JSON; deliver nothing");
  add_config(fetch);
  fetch->add_option("id", id, "interaction ID")->required();

  bool json = false;
  auto* status = cli.add_subcommand("status", "counts per state and the outbox depth");
  add_config(status);
  status->add_flag("--json", json, "machine-readable output");

  auto* dead = cli.add_subcommand("dead-letters", "inspect and re-queue what was given up on");
  add_config(dead);
  dead->require_subcommand(1);
  auto* dl_list = dead->add_subcommand("list", "list dead letters");
  bool all = false;
  auto* dl_replay = dead->add_subcommand("replay", "re-queue dead letters: replay ID... | replay --all");
  dl_replay->add_option("ids", ids, "interaction IDs to replay");
  dl_replay->add_flag("--all", all, "replay every dead letter");
  // `insightd dead-letters list -c FILE`: the parent's -c is accepted after the verb too.
  dl_list->fallthrough();
  dl_replay->fallthrough();

  auto* resume = cli.add_subcommand("resume-deliveries",
                                    "re-enable CRM delivery held since the endpoint answered 410 Gone");
  add_config(resume);

  auto* intake = cli.add_subcommand("intake", "the intake that finds finished conversations");
  intake->require_subcommand(1);
  auto* intake_status =
      intake->add_subcommand("status", "leader, socket, channels, queues, watermark, reconciliation");
  add_config(intake_status);
  intake_status->add_flag("--json", json, "machine-readable output");

  std::string migrate_from, migrate_to;
  auto* migrate = cli.add_subcommand(
      "migrate", "copy the queue, outbox and dead letters to another backend (daemons stopped first)");
  add_config(migrate);
  migrate->add_option("--from", migrate_from, "the backend to copy from")
      ->required()
      ->check(CLI::IsMember({"sqlite"}));
  migrate->add_option("--to", migrate_to, "the backend to copy to")
      ->required()
      ->check(CLI::IsMember({"redis"}));

  auto* demo =
      cli.add_subcommand("demo", "run end to end against the built-in simulator (no Genesys account needed)");
  std::string demo_backend = "sqlite";
  demo->add_option("--backend", demo_backend,
                   "sqlite: one daemon; redis: three daemons on one local redis-server")
      ->check(CLI::IsMember({"sqlite", "redis"}))
      ->capture_default_str();

  // After the subcommands, so that only the top-level help carries it.
  cli.footer(help_footer());
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = cli.exit(e);
    return rc == 0 ? 0 : 2;
  }

  // stdout carries each command's output (`status --json`, ...): the library's
  // log lines go to stderr, warnings and worse only. `run`, `fetch` and `demo`
  // set up their own.
  insightd::observability::setup_logging("warn", false);
  if (*run) return cmd_run(config, drain);
  if (*check) return cmd_check_config(config, connect);
  if (*enqueue) return cmd_enqueue(config, ids);
  if (*fetch) return cmd_fetch(config, id);
  if (*status) return cmd_status(config, json);
  if (*dl_list) return cmd_dead_letters_list(config);
  if (*dl_replay) {
    if (!all && ids.empty()) {
      std::fprintf(stderr, "dead-letters replay: give interaction IDs or --all\n");
      return 2;
    }
    return cmd_dead_letters_replay(config, ids, all);
  }
  if (*resume) return cmd_resume_deliveries(config);
  if (*intake_status) return cmd_intake_status(config, json);
  if (*migrate) return cmd_migrate(config, migrate_from, migrate_to);
  if (*demo) return cmd_demo(demo_backend);
  return 2;
}
